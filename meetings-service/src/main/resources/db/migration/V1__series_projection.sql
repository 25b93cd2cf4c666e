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
