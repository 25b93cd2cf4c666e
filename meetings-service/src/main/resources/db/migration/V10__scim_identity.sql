-- SCIM 2.0 provisioning (/scim/v2/Users): an identity provider's view of a person of the directory. userName and
-- externalId are the identity provider's, kept here only (no event carries them); the person's entry is the directory's.
-- Written in the transaction of the directory command it goes with. Not a read model: a projection rebuild leaves it be.
create table scim_identity (
    person_id        uuid         primary key,
    organisation_id  varchar(64)  not null,
    user_name        varchar(256) not null,
    external_id      varchar(256),
    -- DELETE /scim/v2/Users/{id}: the employment ended and the resource answers 404 from then on; the person stays
    deleted          boolean      not null default false,
    -- raised when userName or externalId change; a resource's version is the person's version plus this
    revision         bigint       not null default 0,
    created_at       timestamptz  not null,
    modified_at      timestamptz  not null
);

-- userName is unique per organisation among the resources not deleted, case-insensitively (RFC 7643 section 4.1.1)
create unique index scim_identity_user_name on scim_identity (organisation_id, lower(user_name)) where not deleted;
create index scim_identity_external_id on scim_identity (organisation_id, external_id) where not deleted;
