package dev.oneonone.meetings.application.scim;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How an identity provider knows a person of the directory through SCIM: its {@code userName} and {@code externalId}.
 * They stay in meetings-service (no event carries them). Not an event-sourced read model: a rebuild leaves it be.
 */
@Entity
@Table(name = "scim_identity")
public class ScimIdentity extends PanacheEntityBase {
    @Id
    public UUID personId;
    public String organisationId;
    public String userName;
    public String externalId;
    /** Deleted through SCIM: the employment ended, and the resource is gone for SCIM (the person stays). */
    public boolean deleted;
    /** Raised when userName or externalId change: the resource's version is the person's version plus this. */
    public long revision;
    public Instant createdAt;
    public Instant modifiedAt;
}
