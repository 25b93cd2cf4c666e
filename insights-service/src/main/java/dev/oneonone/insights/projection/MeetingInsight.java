package dev.oneonone.insights.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One meeting of a series, as the insights read it. */
@Entity
@Table(name = "meeting_insight")
public class MeetingInsight extends PanacheEntityBase {
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
    public String status;
}
