-- The event store (table event, the source of truth of agenda-service: one stream per meeting's agenda and one
-- per agreement) comes from the service kit's migration db/kit/event-store.

-- The topics of each meeting's agenda: their text lives here only (events carry none), and the read model.
create table topic (
    topic_id         uuid primary key,
    meeting_id       uuid         not null,
    organisation_id  varchar(64)  not null,
    author_id        uuid         not null,
    author_role      varchar(16)  not null,
    kind             varchar(32)  not null,
    title            varchar(200) not null,
    details          varchar(2000),
    ask_to_prepare   boolean      not null,
    -- the version of the agenda's TopicAdded event: the order in which topics were added
    position         integer      not null,
    discussed        boolean      not null default false,
    added_at         timestamptz  not null
);

create index topic_meeting on topic (meeting_id, position);
