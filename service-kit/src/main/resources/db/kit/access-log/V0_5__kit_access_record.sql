-- The access log (kit privacy/AccessLog): who read or exported data about a person's 1:1s, never what it said.
create table access_record (
    record_id        uuid primary key,
    organisation_id  varchar(64)  not null,
    subject_id       uuid         not null,
    reader_id        varchar(255) not null,
    reader_role      varchar(16)  not null,
    resource_kind    varchar(32)  not null,
    resource_id      uuid,
    accessed_at      timestamptz  not null
);

-- GET /me/access-log: a person's records, newest first.
create index access_record_subject on access_record (organisation_id, subject_id, accessed_at desc, record_id desc);
