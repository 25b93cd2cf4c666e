-- Display names of teams and departments, set by the integration (PUT /groups/{kind}/{code}). They are free text,
-- so they stay here: no event carries them, and the stream keeps the codes only. Not rebuilt from events.
create table group_name (
    organisation_id  varchar(64)  not null,
    kind             varchar(16)  not null,
    code             varchar(64)  not null,
    name             varchar(200) not null,
    changed_at       timestamptz  not null,
    primary key (organisation_id, kind, code)
);

-- POST /people/lookup: a person sees the people they share a series with.
create index series_overview_leader on series_overview (organisation_id, leader_id);
create index series_overview_companion on series_overview (organisation_id, companion_id);
