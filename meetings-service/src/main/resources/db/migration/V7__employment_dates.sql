-- Issue 15: a person is employed from employed_since up to and including last_day (null: no end recorded), so
-- whether they are employed follows the calendar without anyone flipping a flag: the service compares last_day
-- with today in the organisation's time zone. The stored flag went stale with a future last day; it goes.
alter table person_overview add column employed_since date;

-- Registrations before effective dates: their first day is the day they were recorded (UTC, the default zone).
update person_overview p set employed_since = (
    select (min(e.occurred_at) at time zone 'UTC')::date from event e
    where e.stream_id = p.person_id and e.event_type = 'oneonone.meetings.PersonRegistered');

-- One person per email among those without a recorded end. A leaver keeps their email up to and including
-- their last day: the service checks that under the directory lock (last_day >= today), which no index can do.
drop index person_overview_email;
alter table person_overview drop column employed;
create unique index person_overview_email on person_overview (organisation_id, lower(email)) where last_day is null;
