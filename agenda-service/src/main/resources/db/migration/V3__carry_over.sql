-- Carry-over: a topic keeps its id, text and author when it moves to a later meeting of its series.
-- times_carried counts its carries; carried_from_meeting_id is the meeting it came from last.
alter table topic add column times_carried integer not null default 0;
alter table topic add column carried_from_meeting_id uuid;

-- A TopicCarriedOver is stored on the agenda it arrives on and names the agenda it left in its payload
-- (fromMeetingId): this finds the carries away from an agenda, so that it can be rebuilt without them.
create index event_carried_from on event ((payload ->> 'fromMeetingId'))
    where event_type = 'oneonone.agenda.TopicCarriedOver';

-- Topics that must move on but whose series has no next meeting yet: carried once one is scheduled.
create table waiting_topic (
    topic_id         uuid primary key references topic (topic_id),
    series_id        uuid        not null,
    from_meeting_id  uuid        not null,
    organisation_id  varchar(64) not null,
    waiting_since    timestamptz not null
);

create index waiting_topic_series on waiting_topic (series_id, waiting_since);

-- The series' time zone: an agreement is overdue once its due date has passed there.
alter table known_series add column time_zone varchar(64);
