-- Retention and erasure of 1:1 content (issue 18, docs/privacy.md#retention-and-erasure).

-- How long each organisation keeps 1:1 content after a series ends; no row, or a null, keeps it.
create table content_retention (
    organisation_id         varchar(64) primary key,
    content_retention_days  integer check (content_retention_days between 1 and 36500),
    changed_at              timestamptz not null
);

-- When a series ended (the ce_time of its SeriesEnded), and when its content was deleted for retention.
-- Series that ended before this migration have no ended_at and are kept until a projection rebuild learns it.
alter table known_series add column ended_at timestamptz;
alter table known_series add column content_expired_at timestamptz;
create index known_series_expiring on known_series (organisation_id, ended_at)
    where ended_at is not null and content_expired_at is null;

-- Deleted content: the text columns become null and content_deleted_at says when; ids, kinds, sides, dates,
-- statuses and counts stay, so agreements and figures do not change.
alter table topic alter column title drop not null;
alter table topic add column content_deleted_at timestamptz;
alter table note alter column text drop not null;
alter table note add column content_deleted_at timestamptz;
alter table note_revision alter column text drop not null;
alter table agreement alter column wording drop not null;
alter table agreement add column content_deleted_at timestamptz;

-- An erased person is no longer named as the author of shared content (their side, author_role, stays).
alter table topic alter column author_id drop not null;
alter table note alter column author_id drop not null;
alter table note_revision alter column written_by drop not null;

