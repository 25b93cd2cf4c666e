package dev.oneonone.insights.projection;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesStarted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Folds meetings-service's events into the series and meeting insights. Called once per event id. */
@ApplicationScoped
public class SeriesInsightProjection {

    public Uni<Void> apply(EventEnvelope envelope, MeetingsEvent event) {
        if (event instanceof SeriesStarted started) {
            SeriesInsight series = new SeriesInsight();
            series.seriesId = started.seriesId();
            series.organisationId = envelope.organisationId();
            series.leaderId = started.leaderId();
            series.companionId = started.companionId();
            series.relationship = started.relationship().name();
            series.cadence = started.cadence().name();
            series.startsOn = started.startsOn();
            return series.persist().replaceWithVoid();
        }
        if (event instanceof MeetingScheduled scheduled) {
            MeetingInsight meeting = new MeetingInsight();
            meeting.meetingId = scheduled.meetingId();
            meeting.seriesId = scheduled.seriesId();
            meeting.organisationId = envelope.organisationId();
            meeting.scheduledFor = scheduled.scheduledFor();
            meeting.status = MeetingInsight.SCHEDULED;
            return meeting.persist()
                    .chain(() -> SeriesInsight.update("meetingsScheduled = meetingsScheduled + 1 where seriesId = ?1",
                            scheduled.seriesId()))
                    .replaceWithVoid();
        }
        if (event instanceof MeetingRescheduled rescheduled) {
            return MeetingInsight.update("scheduledFor = ?1 where meetingId = ?2", rescheduled.to(),
                    rescheduled.meetingId()).replaceWithVoid();
        }
        if (event instanceof MeetingHeld held) {
            return status(held.meetingId(), MeetingInsight.HELD);
        }
        if (event instanceof MeetingCancelled cancelled) {
            return status(cancelled.meetingId(), MeetingInsight.CANCELLED);
        }
        if (event instanceof MeetingMissed missed) {
            return status(missed.meetingId(), MeetingInsight.MISSED);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> status(java.util.UUID meetingId, String status) {
        return MeetingInsight.update("status = ?1 where meetingId = ?2", status, meetingId).replaceWithVoid();
    }
}
