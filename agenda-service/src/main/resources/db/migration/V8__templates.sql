-- Agenda templates an organisation defines (agenda-service's built-in first-meeting template is code, not a row).
-- The questions (JSON: {"questions": [{"text", "kind", "askOtherSideToPrepare"}]}) become topics when it is applied.
create table template (
    template_id      uuid primary key,
    -- creation order, and the cursor of paged lists
    seq              bigint generated always as identity unique,
    organisation_id  varchar(64)  not null,
    name             varchar(100) not null,
    first_meeting    boolean      not null,
    questions        jsonb        not null,
    version          integer      not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

create index template_organisation on template (organisation_id, seq);
-- at most one first-meeting template per organisation: it replaces the built-in one for its new series
create unique index template_one_first_meeting on template (organisation_id) where first_meeting;
