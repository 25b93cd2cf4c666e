-- agenda-service's own copy of what it needs to know about series and meetings (from meetings-service).
create table known_series (
    series_id        uuid primary key,
    organisation_id  varchar(64) not null,
    leader_id        uuid        not null,
    companion_id     uuid        not null
);

create table known_meeting (
    meeting_id       uuid primary key,
    series_id        uuid        not null references known_series (series_id),
    organisation_id  varchar(64) not null,
    scheduled_for    timestamptz not null,
    first_of_series  boolean     not null,
    status           varchar(16) not null
);

create index known_meeting_series on known_meeting (series_id, scheduled_for);
