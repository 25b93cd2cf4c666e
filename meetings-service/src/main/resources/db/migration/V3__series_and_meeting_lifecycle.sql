-- Series lifecycle (cadence changes, pauses, end, preferred slot) and meeting lifecycle
-- (rescheduled, held, cancelled, missed) in the read models. Rebuildable from the events.
alter table series_overview
    add column status            varchar(16) not null default 'ACTIVE',
    add column preferred_weekday varchar(9),
    add column preferred_time    time,
    add column paused_from       date,
    add column paused_until      date,
    add column ended_at          timestamptz;

create index series_overview_pair on series_overview (organisation_id, leader_id, companion_id);

alter table meeting_overview
    add column reschedule_count  integer not null default 0,
    add column held_at           timestamptz,
    add column actual_minutes    integer,
    add column mode              varchar(16),
    add column cancel_reason     varchar(32);

create index meeting_overview_org_time on meeting_overview (organisation_id, scheduled_for, meeting_id);
create index meeting_overview_open on meeting_overview (scheduled_for) where status = 'SCHEDULED';
