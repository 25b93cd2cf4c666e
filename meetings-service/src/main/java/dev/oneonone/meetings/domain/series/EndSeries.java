package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dev.oneonone.events.meetings.SeriesEndReason;

/**
 * The two people stop meeting, or one of them left the organisation.
 *
 * @param reason  why; null means a participant (or an integration for them) ended it
 * @param endedOn    the first day without the series; null means the day of {@code occurredAt} in the series' zone
 * @param byPersonId the participant who ends it, null for an integration or the leaver sweep
 */
public record EndSeries(Instant now, Instant occurredAt, SeriesEndReason reason, LocalDate endedOn, UUID byPersonId)
        implements SeriesCommand {
    public EndSeries {
        occurredAt = occurredAt == null ? now : occurredAt;
        reason = reason == null ? SeriesEndReason.ENDED_BY_PARTICIPANT : reason;
    }

    public EndSeries(Instant now, Instant occurredAt) {
        this(now, occurredAt, null, null, null);
    }

    public EndSeries(Instant now) {
        this(now, now);
    }

    /** A participant (or, with null, an integration) ends the series now. */
    public static EndSeries byParticipant(Instant now, UUID byPersonId) {
        return new EndSeries(now, now, null, null, byPersonId);
    }

    /**
     * A leaver's series ends on the day after their last day, from the start of that day in the organisation's
     * calendar, whenever it is recorded.
     */
    public static EndSeries employmentEnded(LocalDate lastDay, ZoneId organisationZone, Instant now) {
        LocalDate endedOn = lastDay.plusDays(1);
        return new EndSeries(now, endedOn.atStartOfDay(organisationZone).toInstant(), SeriesEndReason.EMPLOYMENT_ENDED,
                endedOn, null);
    }
}
