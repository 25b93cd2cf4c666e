package dev.oneonone.agenda.projection;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What agenda-service knows of a series: who its two participants are, and its time zone. */
@Entity
@Table(name = "known_series")
public class KnownSeries extends PanacheEntityBase {
    @Id
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "leader_id")
    public UUID leaderId;
    @Column(name = "companion_id")
    public UUID companionId;
    /** The series' time zone (an IANA id); null for series learnt before it was kept, read as UTC. */
    @Column(name = "time_zone")
    public String timeZone;

    public java.time.ZoneId zone() {
        try {
            return timeZone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(timeZone);
        } catch (java.time.DateTimeException unknownZone) {
            return java.time.ZoneOffset.UTC;
        }
    }
}
