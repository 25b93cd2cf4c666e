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
