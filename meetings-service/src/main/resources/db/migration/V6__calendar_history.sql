-- What planned slots are derived from (domain PlannedSlots): every pause, every cadence with the day it took effect
-- and its anchor, and where each meeting was first scheduled. Rebuilt from the events by a projection rebuild; the
-- rows filled below from the older read models are a close approximation until then.
create table series_pause (
    pause_id    uuid  primary key,
    series_id   uuid  not null,
    from_day    date  not null,
    until_day   date  not null
);
create index series_pause_series on series_pause (series_id, from_day);

create table series_rhythm (
    rhythm_id         uuid         primary key,
    series_id         uuid         not null,
    recorded_version  bigint       not null,
    effective_on      date         not null,
    cadence           varchar(16)  not null,
    anchor_on         date
);
create index series_rhythm_series on series_rhythm (series_id, effective_on, recorded_version);

alter table meeting_overview add column first_scheduled_for timestamptz;
update meeting_overview set first_scheduled_for = scheduled_for;
alter table meeting_overview alter column first_scheduled_for set not null;

-- when the series (or one of its meetings) last changed: the feed's Last-Modified
alter table series_overview add column changed_at timestamptz;

insert into series_pause (pause_id, series_id, from_day, until_day)
    select gen_random_uuid(), series_id, paused_from, paused_until from series_overview
    where paused_from is not null and paused_until >= paused_from;
insert into series_rhythm (rhythm_id, series_id, recorded_version, effective_on, cadence, anchor_on)
    select gen_random_uuid(), series_id, 1, starts_on, cadence, null from series_overview;
