package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.domain.MeetingStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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

    /**
     * The candidates for the series' next meeting as of {@code asOf}: its {@code SCHEDULED} meetings that start at
     * the earliest instant strictly after {@code asOf} (several only when meetings start at the same instant; none
     * when it has no such meeting). {@link dev.oneonone.agenda.domain.CarryOver#nextMeeting} picks among them: the
     * tie-break on the id stays in the domain, because PostgreSQL orders {@code uuid}s as unsigned bytes and
     * {@link UUID#compareTo} as signed longs. One read through index {@code known_meeting_scheduled} (agenda
     * migration V12), whatever the series' history.
     */
    public static Uni<List<KnownMeeting>> nextCandidates(String organisationId, UUID seriesId, Instant asOf) {
        return list("seriesId = ?1 and organisationId = ?2 and status = ?3 and scheduledFor = ("
                + "select min(k.scheduledFor) from KnownMeeting k"
                + " where k.seriesId = ?1 and k.organisationId = ?2 and k.status = ?3 and k.scheduledFor > ?4)",
                seriesId, organisationId, MeetingStatus.SCHEDULED.name(), asOf);
    }
}
