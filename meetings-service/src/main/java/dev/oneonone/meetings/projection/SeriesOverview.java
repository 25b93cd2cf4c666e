package dev.oneonone.meetings.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: a series as the API shows it. */
@Entity
@Table(name = "series_overview")
public class SeriesOverview extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Id
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "leader_id")
    public UUID leaderId;
    @Column(name = "companion_id")
    public UUID companionId;
    public String relationship;
    public String cadence;
    @Column(name = "planned_minutes")
    public int plannedMinutes;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    public long version;
    /** ACTIVE or ENDED; the API shows PAUSED on a day within the pause below. */
    public String status;
    @Column(name = "preferred_weekday")
    public String preferredWeekday;
    @Column(name = "preferred_time")
    public LocalTime preferredTime;
    /** The latest pause recorded (cut short by a resume), or null. */
    @Column(name = "paused_from")
    public LocalDate pausedFrom;
    @Column(name = "paused_until")
    public LocalDate pausedUntil;
    @Column(name = "ended_at")
    public Instant endedAt;
}
