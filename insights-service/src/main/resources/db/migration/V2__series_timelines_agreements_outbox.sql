-- The projections the figures are computed from (docs/insights.md). Each row is keyed by what it
-- describes (series, meeting, agreement, topic) or by the event it comes from, and every write is an
-- upsert of facts with the time they happened: the tables end up the same whatever order the events
-- of oneonone.meetings.v1 and oneonone.agenda.v1 arrive in, and however often. Replay builds copies of
-- these tables (suffix _next) and swaps them in (ProjectionReplay).

-- One row per series; columns of SeriesStarted and SeriesEnded.
create table series_timeline (
    series_id        uuid primary key,
    organisation_id  varchar(64) not null,
    leader_id        uuid,
    companion_id     uuid,
    relationship     varchar(32),
    cadence          varchar(16),
    time_zone        varchar(64),
    starts_on        date,
    started_at       timestamptz,
    ended_at         timestamptz
);
create index series_timeline_org on series_timeline (organisation_id);

-- Cadence changes, pauses and resumes, one row per event.
create table series_change (
    event_id         uuid primary key,
    series_id        uuid        not null,
    organisation_id  varchar(64) not null,
    version          bigint      not null,
    occurred_at      timestamptz not null,
    kind             varchar(16) not null,
    cadence          varchar(16),
    from_day         date,
    until_day        date
);
create index series_change_org on series_change (organisation_id, series_id);

-- One row per meeting: when it was scheduled and for when, when it was held (and how long), cancelled, missed.
create table meeting_timeline (
    meeting_id       uuid primary key,
    series_id        uuid        not null,
    organisation_id  varchar(64) not null,
    scheduled_for    timestamptz,
    planned_minutes  integer,
    scheduled_at     timestamptz,
    held_at          timestamptz,
    actual_minutes   integer,
    cancelled_at     timestamptz,
    missed_at        timestamptz
);
create index meeting_timeline_org on meeting_timeline (organisation_id, series_id);

-- Every reschedule of a meeting, one row per event.
create table meeting_move (
    event_id         uuid primary key,
    meeting_id       uuid        not null,
    series_id        uuid        not null,
    organisation_id  varchar(64) not null,
    moved_to         timestamptz not null,
    occurred_at      timestamptz not null
);
create index meeting_move_org on meeting_move (organisation_id, series_id);

-- The companion's topics on a meeting's agenda and when each first arrived there (added or carried over).
-- Keyed by meeting, not series: an agenda event may arrive before the MeetingScheduled it refers to.
create table companion_topic (
    meeting_id       uuid        not null,
    topic_id         uuid        not null,
    organisation_id  varchar(64) not null,
    arrived_at       timestamptz not null,
    primary key (meeting_id, topic_id)
);
create index companion_topic_org on companion_topic (organisation_id);

-- One row per agreement: owner role, when made, with which due date, when completed or dropped.
create table agreement_timeline (
    agreement_id     uuid primary key,
    series_id        uuid        not null,
    organisation_id  varchar(64) not null,
    owner_role       varchar(16),
    made_at          timestamptz,
    due_on           date,
    completed_at     timestamptz,
    dropped_at       timestamptz
);
create index agreement_timeline_org on agreement_timeline (organisation_id, series_id);

-- Every due-date change of an agreement, one row per event.
create table agreement_due_change (
    event_id         uuid primary key,
    agreement_id     uuid        not null,
    series_id        uuid        not null,
    organisation_id  varchar(64) not null,
    due_on           date,
    occurred_at      timestamptz not null
);
create index agreement_due_change_org on agreement_due_change (organisation_id, series_id);

-- The last health and recommendations published per series, to publish SeriesHealthChanged only on a change.
create table series_assessment (
    series_id        uuid primary key,
    organisation_id  varchar(64) not null,
    health           varchar(16) not null,
    recommendations  varchar(200) not null,
    as_of            date        not null
);
