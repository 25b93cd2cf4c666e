-- Webhooks (Standard Webhooks): an integration's endpoints, their signing secrets, and the deliveries of the suite's
-- events to them with every attempt. Rows, not events: an endpoint is an access grant like a calendar feed; only its
-- automatic disabling is a fact of the contract (WebhookEndpointDisabled, in the event store).
create table webhook_endpoint (
    endpoint_id     uuid primary key,
    organisation_id text not null,
    url             text not null,
    description     text,
    -- CloudEvents types it receives; null: every type of the public contract
    event_types     text[],
    enabled         boolean not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- the first failed attempt since the last success; null while it answers
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    -- its ETag: 1 when registered, one more for each change of its settings (and the service disabling it)
    version         int not null default 1
);
create index webhook_endpoint_org on webhook_endpoint (organisation_id, endpoint_id);

-- The key is kept as given out (whsec_ + base64): HMAC needs it, unlike a calendar feed's secret.
create table webhook_secret (
    endpoint_id uuid not null references webhook_endpoint on delete cascade,
    secret      text not null,
    created_at  timestamptz not null,
    -- set when a newer secret replaces it: it still signs until then (rotation grace)
    expires_at  timestamptz,
    primary key (endpoint_id, created_at)
);

create table webhook_delivery (
    -- the order deliveries were created in, which is each aggregate's order on its topic
    position        bigserial primary key,
    delivery_id     uuid not null unique,
    endpoint_id     uuid not null references webhook_endpoint on delete cascade,
    event_id        uuid not null,
    event_type      text not null,
    aggregate_id    uuid not null,
    -- the body sent: the CloudEvent in structured mode (JSON)
    payload         text not null,
    -- PENDING (to be attempted), DELIVERED, FAILED (retries used up)
    status          text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_aggregate on webhook_delivery (endpoint_id, aggregate_id, position) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (endpoint_id, position);
-- the log's retention: delivered and failed deliveries by their last attempt (next_attempt_at is that time for FAILED)
create index webhook_delivery_done on webhook_delivery ((coalesce(delivered_at, next_attempt_at))) where status <> 'PENDING';

create table webhook_attempt (
    attempt_id   bigserial primary key,
    delivery_id  uuid not null references webhook_delivery (delivery_id) on delete cascade,
    attempted_at timestamptz not null,
    -- the receiver's HTTP status; null when there was none (timeout, refused connection)
    status_code  int,
    -- TIMEOUT, CONNECTION, HTTP_STATUS; null on success
    failure      text,
    duration_ms  int not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempt_id);
