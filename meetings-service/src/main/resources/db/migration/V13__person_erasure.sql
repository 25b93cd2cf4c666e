-- A person's erasure (POST /people/{id}/erasure, event PersonErased; docs/privacy.md#retention-and-erasure): their
-- name and email in the directory are replaced by placeholders and erased_at says when; id, dates and reporting
-- lines stay, so that the history and the figures remain valid. (V12 is taken by the webhooks branch.)
alter table person_overview add column erased_at timestamptz;
