-- The event store: the source of truth of meetings-service.
-- position orders events globally; (stream_id, version) orders one aggregate and detects concurrent writers.
create table event (
    position          bigint generated always as identity primary key,
    event_id          uuid        not null unique,
    organisation_id   varchar(64) not null,
    stream_type       varchar(32) not null,
    stream_id         uuid        not null,
    version           bigint      not null,
    event_type        varchar(128) not null,
    occurred_at       timestamptz not null,
    recorded_at       timestamptz not null,
    payload           jsonb       not null,
    -- set by the outbox relay once Kafka acknowledged the event; null means still to publish
    published_at      timestamptz,
    constraint event_stream_version_unique unique (stream_id, version)
);

create index event_unpublished on event (position) where published_at is null;

-- Read model of series and their meetings, kept in step with the events in the same transaction.
create table series_overview (
    series_id        uuid primary key,
    organisation_id  varchar(64) not null,
    leader_id        uuid        not null,
    companion_id     uuid        not null,
    relationship     varchar(32) not null,
    cadence          varchar(16) not null,
    planned_minutes  integer     not null,
    time_zone        varchar(64) not null,
    starts_on        date        not null,
    version          bigint      not null
);

create index series_overview_org on series_overview (organisation_id);

create table meeting_overview (
    meeting_id       uuid primary key,
    series_id        uuid        not null references series_overview (series_id),
    organisation_id  varchar(64) not null,
    scheduled_for    timestamptz not null,
    planned_minutes  integer     not null,
    first_of_series  boolean     not null,
    status           varchar(16) not null
);

create index meeting_overview_series on meeting_overview (series_id, scheduled_for);
