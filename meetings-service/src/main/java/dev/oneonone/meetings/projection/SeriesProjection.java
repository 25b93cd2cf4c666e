package dev.oneonone.meetings.projection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.meetings.domain.series.PlannedSlots;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds stored events into the series and meeting read models, in the transaction that stored them.
 * Depends on the events only (never on the clock), so that a rebuild gives the same rows. Rows are
 * changed as managed entities, so a caller reading them in the same session sees the change.
 */
@ApplicationScoped
public class SeriesProjection {

    /**
     * {@link #apply}s {@code events[i]}, stored as {@code stored[i]}, one after another. Not as one Uni chained per
     * event: the steps complete at once when the rows are in the session, so such a chain runs as one nested call per
     * event, and with a year of one series' weekly meetings (106 events: an import, or a rebuild's batch) the Uni
     * never completed and the transaction stayed open with the JVM idle (most likely a stack overflow lost inside the
     * chain). A Multi concatenates them in a loop instead.
     */
    public Uni<Void> applyInTurn(List<StoredEvent> stored, List<MeetingsEvent> events) {
        return Multi.createFrom().range(0, stored.size())
                .onItem().transformToUniAndConcatenate(i -> apply(stored.get(i), events.get(i)).replaceWith(i))
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> apply(StoredEvent stored, MeetingsEvent event) {
        if (event instanceof SeriesStarted started) {
            SeriesOverview series = new SeriesOverview();
            series.seriesId = started.seriesId();
            series.organisationId = stored.organisationId;
            series.leaderId = started.leaderId();
            series.companionId = started.companionId();
            series.relationship = started.relationship().name();
            series.cadence = started.cadence().name();
            series.plannedMinutes = started.plannedMinutes();
            series.timeZone = started.timeZone();
            series.startsOn = started.startsOn();
            series.preferredWeekday = started.preferredWeekday() == null ? null : started.preferredWeekday().name();
            series.preferredTime = started.preferredTime();
            series.status = SeriesOverview.ACTIVE;
            series.version = stored.version;
            series.changedAt = stored.recordedAt;
            return series.persist()
                    .chain(() -> rhythm(stored, PlannedSlots.rhythmOf(started)).persist())
                    .replaceWithVoid();
        }
        Uni<Void> change = Uni.createFrom().voidItem();
        if (event instanceof MeetingScheduled scheduled) {
            MeetingOverview meeting = new MeetingOverview();
            meeting.meetingId = scheduled.meetingId();
            meeting.seriesId = scheduled.seriesId();
            meeting.organisationId = stored.organisationId;
            meeting.scheduledFor = scheduled.scheduledFor();
            meeting.firstScheduledFor = scheduled.scheduledFor();
            meeting.plannedMinutes = scheduled.plannedMinutes();
            meeting.firstOfSeries = scheduled.firstOfSeries();
            meeting.status = MeetingOverview.SCHEDULED;
            change = meeting.persist().replaceWithVoid();
        } else if (event instanceof MeetingRescheduled rescheduled) {
            change = meeting(rescheduled.meetingId(), m -> {
                m.scheduledFor = rescheduled.to();
                m.rescheduleCount++;
            });
        } else if (event instanceof MeetingHeld held) {
            change = meeting(held.meetingId(), m -> {
                m.status = MeetingOverview.HELD;
                m.heldAt = held.heldAt();
                m.actualMinutes = held.actualMinutes();
                m.mode = held.mode().name();
            });
        } else if (event instanceof MeetingCancelled cancelled) {
            change = meeting(cancelled.meetingId(), m -> {
                m.status = MeetingOverview.CANCELLED;
                m.cancelReason = cancelled.reason().name();
            });
        } else if (event instanceof MeetingMissed missed) {
            change = meeting(missed.meetingId(), m -> m.status = MeetingOverview.MISSED);
        }
        return change.chain(() -> SeriesOverview.<SeriesOverview>findById(stored.streamId)).call(series -> {
            if (series == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> history = Uni.createFrom().voidItem();
            if (event instanceof CadenceChanged changed) {
                history = rhythm(stored, PlannedSlots.rhythmOf(changed, stored.occurredAt,
                        ZoneId.of(series.timeZone), series.startsOn)).persist().replaceWithVoid();
            } else if (event instanceof SeriesPaused paused) {
                SeriesPause pause = new SeriesPause();
                pause.pauseId = stored.eventId;
                pause.seriesId = paused.seriesId();
                pause.fromDay = paused.from();
                pause.untilDay = paused.until();
                history = pause.persist().replaceWithVoid();
            } else if (event instanceof SeriesResumed resumed) {
                history = resume(stored.streamId, resumed.resumedOn());
            }
            return history;
        }).invoke(series -> {
            if (series == null) {
                return;
            }
            if (event instanceof CadenceChanged changed) {
                series.cadence = changed.to().name();
            } else if (event instanceof SeriesPaused paused) {
                series.pausedFrom = paused.from();
                series.pausedUntil = paused.until();
            } else if (event instanceof SeriesResumed resumed && series.pausedFrom != null
                    && !resumed.resumedOn().isBefore(series.pausedFrom)
                    && !resumed.resumedOn().isAfter(series.pausedUntil)) {
                series.pausedUntil = resumed.resumedOn().minusDays(1);
            } else if (event instanceof SeriesEnded ended) {
                series.status = SeriesOverview.ENDED;
                series.endedAt = stored.occurredAt;
                series.endReason = ended.reason() == null ? null : ended.reason().name();
                series.endedOn = ended.endedOn();
            }
            series.version = stored.version;
            series.changedAt = stored.recordedAt;
        }).replaceWithVoid();
    }

    private static SeriesRhythm rhythm(StoredEvent stored, PlannedSlots.Rhythm rhythm) {
        SeriesRhythm row = new SeriesRhythm();
        row.rhythmId = stored.eventId;
        row.seriesId = stored.streamId;
        row.recordedVersion = stored.version;
        row.effectiveOn = rhythm.effectiveOn();
        row.cadence = rhythm.cadence().name();
        row.anchorOn = rhythm.anchorOn();
        return row;
    }

    /** The pause that holds the day ends the day before; one that would end before it starts is gone (as in Series). */
    private static Uni<Void> resume(UUID seriesId, LocalDate on) {
        return SeriesPause.<SeriesPause>list("seriesId = ?1 and fromDay <= ?2 and untilDay >= ?2", seriesId, on)
                .chain(pauses -> {
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (SeriesPause pause : pauses) {
                        pause.untilDay = on.minusDays(1);
                        if (pause.untilDay.isBefore(pause.fromDay)) {
                            done = done.chain(() -> pause.delete());
                        }
                    }
                    return done;
                });
    }

    private static Uni<Void> meeting(UUID meetingId, Consumer<MeetingOverview> change) {
        return MeetingOverview.<MeetingOverview>findById(meetingId).invoke(meeting -> {
            if (meeting != null) {
                change.accept(meeting);
            }
        }).replaceWithVoid();
    }
}
