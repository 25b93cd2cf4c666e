-- The whole organisation's view of its groups on a day (the organisation, each department and team, the people
-- without a department) as sums: GroupTotals. Written when a day's figures are first asked for, then kept up to
-- date by adding what a changed series takes from and gives to its groups; read by the rollups, trends and lists.
-- A day's rows hold for the figures version and directory revision in group_totals_day (else they are built again).
create table group_totals_day (
    organisation_id       varchar(64) not null,
    day                   date        not null,
    figures_version       bigint      not null,
    directory_generation  bigint      not null,
    directory_revision    bigint      not null,
    built_at              timestamptz not null default now(),
    primary key (organisation_id, day)
);

create table group_totals (
    organisation_id    varchar(64)  not null,
    day                date         not null,
    scope              varchar(120) not null,
    people             integer      not null,
    series             integer      not null,
    healthy            integer      not null,
    at_risk            integer      not null,
    overdue            integer      not null,
    paused             integer      not null,
    with_manager       integer      not null,
    covered            integer      not null,
    due                integer      not null,
    completed_on_time  integer      not null,
    open_overdue       integer      not null,
    adherence_sum      numeric      not null,
    with_adherence     integer      not null,
    attention          integer      not null,
    primary key (organisation_id, day, scope),
    foreign key (organisation_id, day) references group_totals_day on delete cascade
);
