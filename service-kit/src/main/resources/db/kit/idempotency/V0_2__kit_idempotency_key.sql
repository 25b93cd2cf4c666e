-- Answers to creates sent with an Idempotency-Key, so that a retry gets the first answer again.
-- Stored in the transaction of the create itself: a key is never kept for a create that did not happen.
-- Keys are scoped to the caller (the token's subject) as well as the organisation: an answer may hold 1:1
-- content (a private note's text), which must never be replayed to another caller using the same key.
create table idempotency_key (
    organisation_id  varchar(64)  not null,
    caller           varchar(255) not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    status           integer      not null,
    location         text,
    etag             text,
    body             text         not null,
    created_at       timestamptz  not null default now(),
    primary key (organisation_id, caller, idempotency_key)
);
