-- The event store: the source of truth of agenda-service (one stream per meeting's agenda).
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

-- The topics of each meeting's agenda: their text lives here only (events carry none), and the read model.
create table topic (
    topic_id         uuid primary key,
    meeting_id       uuid         not null,
    organisation_id  varchar(64)  not null,
    author_id        uuid         not null,
    author_role      varchar(16)  not null,
    kind             varchar(32)  not null,
    title            varchar(200) not null,
    details          varchar(2000),
    ask_to_prepare   boolean      not null,
    -- the version of the agenda's TopicAdded event: the order in which topics were added
    position         integer      not null,
    discussed        boolean      not null default false,
    added_at         timestamptz  not null
);

create index topic_meeting on topic (meeting_id, position);
