-- Which series' figures, and which organisation's directory, changed last at which history position: the
-- position of the last event that touched them (written in that event's transaction). The rollups keep
-- per-series figures in memory and recompute only the series with a revision past what they saw.
create table series_revision (
    series_id        uuid        primary key,
    organisation_id  varchar(64) not null,
    revision         bigint      not null
);

create index series_revision_org on series_revision (organisation_id, revision);

create table directory_revision (
    organisation_id  varchar(64) primary key,
    revision         bigint      not null
);
