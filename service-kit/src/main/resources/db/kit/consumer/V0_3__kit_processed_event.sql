-- Events from other services already applied here; a second delivery of the same event id changes nothing.
create table processed_event (
    event_id      uuid primary key,
    processed_at  timestamptz not null default now()
);
