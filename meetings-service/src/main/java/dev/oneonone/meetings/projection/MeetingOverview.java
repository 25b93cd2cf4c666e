package dev.oneonone.meetings.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: one meeting of a series. */
@Entity
@Table(name = "meeting_overview")
public class MeetingOverview extends PanacheEntityBase {
    public static final String SCHEDULED = "SCHEDULED";
    public static final String HELD = "HELD";
    public static final String CANCELLED = "CANCELLED";
    public static final String MISSED = "MISSED";

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    @Column(name = "planned_minutes")
    public int plannedMinutes;
    @Column(name = "first_of_series")
    public boolean firstOfSeries;
    /** SCHEDULED (also after a reschedule: scheduledFor moved), HELD, CANCELLED or MISSED. */
    public String status;
    @Column(name = "reschedule_count")
    public int rescheduleCount;
    @Column(name = "held_at")
    public Instant heldAt;
    @Column(name = "actual_minutes")
    public Integer actualMinutes;
    public String mode;
    @Column(name = "cancel_reason")
    public String cancelReason;
}
