-- The health assessment after each event of a series reads only its latest held meetings (TimelineStore.forHealthOf):
-- by this index, so that the read does not grow with the meetings the series has had (issue 16).
create index meeting_timeline_held on meeting_timeline (organisation_id, series_id, held_at desc, meeting_id desc)
    where held_at is not null;
