-- The run order of an agenda's topics: position is where a topic stands within its agenda. A topic starts at
-- the version of its TopicAdded event (after every topic before it); a TopicsReordered event renumbers the
-- agenda's topics 1..n in its order, so topics added later still come after them.
comment on column topic.position is 'place in the agenda''s order: the TopicAdded version, or the place given by the last TopicsReordered';

-- Notes on a meeting: shared (both participants read them) or private (only the author). The text lives here
-- only; NoteWritten events carry the note id, visibility, the writer's side and the revision.
create table note (
    note_id          uuid primary key,
    -- creation order, and the cursor of paged lists
    seq              bigint generated always as identity unique,
    meeting_id       uuid          not null,
    organisation_id  varchar(64)   not null,
    visibility       varchar(16)   not null,
    -- who wrote revision 1; the only reader of a private note
    author_id        uuid          not null,
    author_role      varchar(16)   not null,
    text             varchar(10000) not null,
    revision         integer       not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    updated_by_role  varchar(16)   not null
);

create index note_meeting on note (meeting_id, seq);

-- Every revision of every note, the current one included: edits never overwrite history.
create table note_revision (
    note_id          uuid          not null references note (note_id),
    revision         integer       not null,
    text             varchar(10000) not null,
    written_by       uuid          not null,
    written_by_role  varchar(16)   not null,
    written_at       timestamptz   not null,
    primary key (note_id, revision)
);
