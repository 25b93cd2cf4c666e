-- People whose employment has ended or is notified to end, from meetings-service's EmploymentEnded; a PersonRehired
-- removes the row. From the day after last_day their requests are refused (403 employment-ended).
create table leaver (
    organisation_id  varchar(64) not null,
    person_id        uuid        not null,
    last_day         date        not null,
    primary key (organisation_id, person_id)
);
