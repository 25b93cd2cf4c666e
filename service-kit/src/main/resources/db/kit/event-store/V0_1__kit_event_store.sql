-- The event store of the service kit: a write service's source of truth, and its outbox.
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
