-- Calendar feeds (iCalendar subscriptions). Not events: a feed is an access grant, not a fact of the domain,
-- and its secret must never reach Kafka. Only the SHA-256 of the secret is kept; the secret itself is shown once.
-- A feed covers one series (series_id set) or every series of a person (series_id null, person_id set);
-- person_id is also the person who created a series feed (null when an integration created it).
-- No foreign keys: the read models they point into are emptied and replayed by a projection rebuild.
create table calendar_feed (
    feed_id          uuid         primary key,
    organisation_id  varchar(64)  not null,
    secret_sha256    varchar(64)  not null unique,
    person_id        uuid,
    series_id        uuid,
    created_at       timestamptz  not null,
    revoked_at       timestamptz,
    constraint calendar_feed_covers_something check (person_id is not null or series_id is not null)
);

create index calendar_feed_org on calendar_feed (organisation_id, feed_id);
