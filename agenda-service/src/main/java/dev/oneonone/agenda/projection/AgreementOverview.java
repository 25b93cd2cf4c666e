package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "owner_role")
    public String ownerRole;
    /** Who recorded it; null when it was imported. */
    @Column(name = "made_by_id")
    public UUID madeById;
    public String wording;
    @Column(name = "due_on")
    public LocalDate dueOn;
    /** OPEN, COMPLETED or DROPPED. */
    public String status;
    @Column(name = "drop_reason")
    public String dropReason;
    /** When it was made (the real date for an imported one). */
    @Column(name = "made_at")
    public Instant madeAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    /** The version of the agreement's stream this row reflects. */
    public long version;
}
