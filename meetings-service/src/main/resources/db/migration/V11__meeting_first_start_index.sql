-- A command on a series restored from its bounded snapshot reads the meetings that start, or were first scheduled,
-- in the weeks before its last meeting or later (Series.RECENT): both by the series' index on that column.
create index meeting_overview_series_first on meeting_overview (series_id, first_scheduled_for);
