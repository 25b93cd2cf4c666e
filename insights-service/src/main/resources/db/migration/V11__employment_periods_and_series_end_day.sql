-- Employment periods: a rehire opens a new period for the same person id. Each row is one start
-- (registration or rehire: starts_at) or one end (last_day) of a period, keyed by the person stream's
-- version like the other directory rows; the periods are folded from them in version order when read,
-- so the rows do not depend on the order or number of deliveries.
create table directory_employment (
    person_id        uuid        not null,
    seq              bigint      not null,
    organisation_id  varchar(64) not null,
    starts_at        timestamptz,
    last_day         date,
    primary key (person_id, seq),
    check ((starts_at is null) <> (last_day is null))
);

create index directory_employment_org on directory_employment (organisation_id);

-- The one period each person had so far. The registration's version is the person's first directory row
-- (it always wrote a reporting line); the end comes after every change the person had (no change follows it).
insert into directory_employment (person_id, seq, organisation_id, starts_at)
select p.person_id, l.seq, p.organisation_id, p.registered_at
from directory_person p
join (select person_id, min(seq) as seq from directory_reporting_line group by person_id) l on l.person_id = p.person_id;

insert into directory_employment (person_id, seq, organisation_id, last_day)
select p.person_id,
       coalesce(greatest((select max(seq) from directory_reporting_line r where r.person_id = p.person_id),
                         (select max(seq) from directory_placement c where c.person_id = p.person_id)), 0) + 1,
       p.organisation_id, p.last_day
from directory_person p
where p.last_day is not null;

drop table directory_person;

-- The first day a series no longer runs (SeriesEnded.endedOn, in the series' time zone); null for ends
-- recorded before the date existed, which take the day of ended_at.
alter table series_timeline add column ended_on date;
