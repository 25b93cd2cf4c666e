package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The read model of one agreement: its wording (which no event carries) and where it stands. Written
 * in the same transaction as the agreement's events.
 */
@Entity
@Table(name = "agreement")
public class AgreementOverview extends PanacheEntityBase {
    public static final String OPEN = "OPEN";

    @Id
    public UUID agreementId;
    public String organisationId;
    public UUID seriesId;
    public UUID meetingId;
    public UUID ownerId;
    public String ownerRole;
    /** Who recorded it; null when it was imported. */
    public UUID madeById;
    public String wording;
    public LocalDate dueOn;
    /** OPEN, COMPLETED or DROPPED. */
    public String status;
    public String dropReason;
    /** When it was made (the real date for an imported one). */
    public Instant madeAt;
    public Instant closedAt;
    /** The version of the agreement's stream this row reflects. */
    public long version;
    /** When its wording was deleted (retention), or null while it is kept. */
    public Instant contentDeletedAt;
}
