-- When each leaver's employment ends: the occurredAt of their EmploymentEnded, which meetings-service records at the
-- start of the day after the last day in the organisation's zone. Rows from before are taken as UTC days, as before.
alter table leaver add column left_at timestamptz;
update leaver set left_at = (last_day + 1)::timestamp at time zone 'UTC';
alter table leaver alter column left_at set not null;
