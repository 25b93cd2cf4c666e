package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What agenda-service knows of a meeting: when it is and where it stands. */
@Entity
@Table(name = "known_meeting")
public class KnownMeeting extends PanacheEntityBase {
    @Id
    public UUID meetingId;
    public UUID seriesId;
    public String organisationId;
    public Instant scheduledFor;
    public boolean firstOfSeries;
    /** The name of a {@link dev.oneonone.agenda.domain.MeetingStatus}. */
    public String status;
}
