package dev.oneonone.agenda.projection;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What agenda-service knows of a series: who its two participants are, and its time zone. */
@Entity
@Table(name = "known_series")
public class KnownSeries extends PanacheEntityBase {
    @Id
    public UUID seriesId;
    public String organisationId;
    public UUID leaderId;
    public UUID companionId;
    /** The series' time zone (an IANA id); null for series learnt before it was kept, read as UTC. */
    public String timeZone;
    /** When the series ended (its SeriesEnded), or null while it runs. */
    public java.time.Instant endedAt;
    /** When its 1:1 content was deleted because the organisation's retention period ran out, or null. */
    public java.time.Instant contentExpiredAt;

    public java.time.ZoneId zone() {
        try {
            return timeZone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(timeZone);
        } catch (java.time.DateTimeException unknownZone) {
            return java.time.ZoneOffset.UTC;
        }
    }
}
