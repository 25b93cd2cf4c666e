package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What agenda-service knows of a meeting: when it is and where it stands. */
@Entity
@Table(name = "known_meeting")
public class KnownMeeting extends PanacheEntityBase {
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
    @Column(name = "first_of_series")
    public boolean firstOfSeries;
    public String status;
}
