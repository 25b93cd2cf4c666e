-- Why and from which day a series ended (SeriesEnded.reason, endedOn); null for series ended before they were recorded.
alter table series_overview add column end_reason varchar(32);
alter table series_overview add column ended_on date;

-- The leaver sweep and the leaver check look people up by their last day.
create index person_overview_last_day on person_overview (last_day) where last_day is not null;
