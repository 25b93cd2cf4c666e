package dev.oneonone.meetings.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public UUID meetingId;
    public UUID seriesId;
    public String organisationId;
    public Instant scheduledFor;
    /** Where it was scheduled before any move. */
    public Instant firstScheduledFor;
    public int plannedMinutes;
    public boolean firstOfSeries;
    /** SCHEDULED (also after a reschedule: scheduledFor moved), HELD, CANCELLED or MISSED. */
    public String status;
    public int rescheduleCount;
    public Instant heldAt;
    public Integer actualMinutes;
    public String mode;
    public String cancelReason;
}
