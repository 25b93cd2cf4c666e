-- The organisation's directory as the API shows it, kept in step with the person events in the same transaction.
-- name and email are personal data that never enter an event: the service writes them here with the event that
-- goes with them, and a replay of the events keeps them.
create table person_overview (
    person_id        uuid primary key,
    organisation_id  varchar(64)  not null,
    name             varchar(200) not null,
    email            varchar(320) not null,
    team             varchar(100),
    department       varchar(100),
    manager_id       uuid,
    employed         boolean      not null,
    last_day         date,
    version          bigint       not null
);

create index person_overview_org on person_overview (organisation_id, person_id);
create index person_overview_manager on person_overview (organisation_id, manager_id);
-- one employed person per email address in an organisation
create unique index person_overview_email on person_overview (organisation_id, lower(email)) where employed;

-- Who reported to whom, when: one row per period with a manager; to_time is null for the current one.
create table reporting_line (
    id               bigint generated always as identity primary key,
    person_id        uuid        not null,
    organisation_id  varchar(64) not null,
    manager_id       uuid        not null,
    from_time        timestamptz not null,
    to_time          timestamptz
);

create index reporting_line_person on reporting_line (person_id, from_time);
create index reporting_line_manager on reporting_line (organisation_id, manager_id);
