package dev.oneonone.meetings.projection;

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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds stored events into the series and meeting read models, in the transaction that stored them.
 * Depends on the events only (never on the clock), so that a rebuild gives the same rows. Rows are
 * changed as managed entities, so a caller reading them in the same session sees the change.
 */
@ApplicationScoped
public class SeriesProjection {

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
            return series.persist().replaceWithVoid();
        }
        Uni<Void> change = Uni.createFrom().voidItem();
        if (event instanceof MeetingScheduled scheduled) {
            MeetingOverview meeting = new MeetingOverview();
            meeting.meetingId = scheduled.meetingId();
            meeting.seriesId = scheduled.seriesId();
            meeting.organisationId = stored.organisationId;
            meeting.scheduledFor = scheduled.scheduledFor();
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
        return change.chain(() -> SeriesOverview.<SeriesOverview>findById(stored.streamId)).invoke(series -> {
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
            } else if (event instanceof SeriesEnded) {
                series.status = SeriesOverview.ENDED;
                series.endedAt = stored.occurredAt;
            }
            series.version = stored.version;
        }).replaceWithVoid();
    }

    private static Uni<Void> meeting(java.util.UUID meetingId, Consumer<MeetingOverview> change) {
        return MeetingOverview.<MeetingOverview>findById(meetingId).invoke(meeting -> {
            if (meeting != null) {
                change.accept(meeting);
            }
        }).replaceWithVoid();
    }
}
