-- Carry-over reads a series' next meeting on every change of its meetings (KnownMeeting.nextCandidates): the
-- series' scheduled meetings by start, so that the read stays one index lookup however many meetings the series
-- has had (issue 16). Held, cancelled and missed meetings leave this index.
create index known_meeting_scheduled on known_meeting (series_id, scheduled_for) where status = 'SCHEDULED';
