-- The organisation's directory as it was on any date: who was employed, who reported to whom, and
-- which team and department each person was in. Rows are the person events folded into intervals
-- [valid_from, valid_to); valid_to is the next change of the same person (null: still valid). seq is
-- the person stream's version, which orders two changes at the same instant and makes a second
-- delivery of an event insert nothing.
create table directory_person (
    person_id        uuid primary key,
    organisation_id  varchar(64) not null,
    registered_at    timestamptz not null,
    last_day         date
);

create index directory_person_org on directory_person (organisation_id);

create table directory_reporting_line (
    person_id        uuid        not null,
    seq              bigint      not null,
    organisation_id  varchar(64) not null,
    manager_id       uuid,
    valid_from       timestamptz not null,
    valid_to         timestamptz,
    primary key (person_id, seq)
);

create index directory_reporting_line_org on directory_reporting_line (organisation_id);

create table directory_placement (
    person_id        uuid        not null,
    seq              bigint      not null,
    organisation_id  varchar(64) not null,
    team             varchar(100),
    department       varchar(100),
    valid_from       timestamptz not null,
    valid_to         timestamptz,
    primary key (person_id, seq)
);

create index directory_placement_org on directory_placement (organisation_id);

-- A number that moves whenever events are recorded in the history, visible only once they are
-- committed (the row lock orders concurrent consumers): the rollups reuse what they computed while it
-- stands still.
create table history_position (
    singleton  boolean primary key default true check (singleton),
    position   bigint  not null
);
insert into history_position (position) values (0);

create function history_moved() returns trigger language plpgsql as $$
begin
    update history_position set position = position + 1;
    return null;
end $$;

create trigger observed_event_moves_history after insert on observed_event
    for each statement execute function history_moved();
