-- Every event insights-service consumed, once per event id: the history that figures as of any date
-- and weekly trends are computed from, and the guard that makes a redelivery change nothing.
create table observed_event (
    event_id          uuid primary key,
    organisation_id   varchar(64)  not null,
    event_type        varchar(128) not null,
    aggregate_id      uuid         not null,
    aggregate_version bigint       not null,
    occurred_at       timestamptz  not null,
    recorded_at       timestamptz  not null,
    payload           jsonb        not null
);

create index observed_event_org_time on observed_event (organisation_id, occurred_at);
create index observed_event_aggregate on observed_event (aggregate_id, aggregate_version);

-- Current picture of each series.
create table series_insight (
    series_id           uuid primary key,
    organisation_id     varchar(64) not null,
    leader_id           uuid        not null,
    companion_id        uuid        not null,
    relationship        varchar(32) not null,
    cadence             varchar(16) not null,
    starts_on           date        not null,
    meetings_scheduled  integer     not null default 0
);

create index series_insight_org on series_insight (organisation_id);

create table meeting_insight (
    meeting_id       uuid primary key,
    series_id        uuid        not null references series_insight (series_id),
    organisation_id  varchar(64) not null,
    scheduled_for    timestamptz not null,
    status           varchar(16) not null
);

create index meeting_insight_series on meeting_insight (series_id, scheduled_for);
