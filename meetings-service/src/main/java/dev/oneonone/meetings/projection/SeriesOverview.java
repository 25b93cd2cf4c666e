package dev.oneonone.meetings.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public UUID seriesId;
    public String organisationId;
    public UUID leaderId;
    public UUID companionId;
    public String relationship;
    public String cadence;
    public int plannedMinutes;
    public String timeZone;
    public LocalDate startsOn;
    public long version;
    /** ACTIVE or ENDED; the API shows PAUSED on a day within any of its pauses ({@link SeriesPause}). */
    public String status;
    public String preferredWeekday;
    public LocalTime preferredTime;
    /** The latest pause recorded (cut short by a resume), or null. */
    public LocalDate pausedFrom;
    public LocalDate pausedUntil;
    public Instant endedAt;
    /** SeriesEnded's reason (ENDED_BY_PARTICIPANT, EMPLOYMENT_ENDED); null when ended before reasons were recorded. */
    public String endReason;
    /** The first day without the series, in its zone; null when ended before it was recorded. */
    public LocalDate endedOn;
    /** When its latest event (of the series or one of its meetings) was recorded; null for rows older than that column. */
    public Instant changedAt;
}
