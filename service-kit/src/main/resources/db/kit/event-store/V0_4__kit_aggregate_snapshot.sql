-- Snapshots of aggregates, kept with the events: the state folded up to a version, so that a command folds only
-- the events after it. Written in the transaction of the append that made it due (kit EventStore); one row per
-- stream, replaced by a later one. A row whose schema_version is not the aggregate's current one is ignored (the
-- stream is folded from its first event) and replaced at the next snapshot. Deleting rows is always safe.
create table aggregate_snapshot (
    stream_id        uuid        primary key,
    organisation_id  varchar(64) not null,
    kind             varchar(64) not null,
    version          bigint      not null,
    schema_version   integer     not null,
    state            jsonb       not null,
    taken_at         timestamptz not null default now()
);
