package dev.oneonone.insights.projection;

import dev.oneonone.events.EventEnvelope;
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
        return Uni.createFrom().voidItem();
    }
}
