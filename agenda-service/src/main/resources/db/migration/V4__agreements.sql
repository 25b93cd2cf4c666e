-- Agreements (action items): the read model of the agreement aggregate (stream type 'agreement').
-- The wording lives here only; no event carries it.
create table agreement (
    agreement_id     uuid primary key,
    organisation_id  varchar(64)   not null,
    series_id        uuid          not null,
    meeting_id       uuid          not null,
    owner_id         uuid          not null,
    owner_role       varchar(16)   not null,
    -- who recorded it: a participant, or null when it was imported
    made_by_id       uuid,
    wording          varchar(1000) not null,
    due_on           date,
    status           varchar(16)   not null,
    drop_reason      varchar(32),
    made_at          timestamptz   not null,
    closed_at        timestamptz,
    version          bigint        not null
);

-- GET /series/{id}/agreements pages by (made_at, agreement_id); the agenda lists a series' open ones.
create index agreement_series on agreement (series_id, made_at, agreement_id);
create index agreement_series_open on agreement (series_id, made_at) where status = 'OPEN';
