package dev.oneonone.agenda.projection;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesStarted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps agenda-service's copy of series and meetings in step with meetings-service's events. */
@ApplicationScoped
public class MeetingsCopy {

    public Uni<Void> apply(EventEnvelope envelope, MeetingsEvent event) {
        if (event instanceof SeriesStarted started) {
            KnownSeries series = new KnownSeries();
            series.seriesId = started.seriesId();
            series.organisationId = envelope.organisationId();
            series.leaderId = started.leaderId();
            series.companionId = started.companionId();
            return series.persist().replaceWithVoid();
        }
        if (event instanceof MeetingScheduled scheduled) {
            KnownMeeting meeting = new KnownMeeting();
            meeting.meetingId = scheduled.meetingId();
            meeting.seriesId = scheduled.seriesId();
            meeting.organisationId = envelope.organisationId();
            meeting.scheduledFor = scheduled.scheduledFor();
            meeting.firstOfSeries = scheduled.firstOfSeries();
            meeting.status = KnownMeeting.SCHEDULED;
            return meeting.persist().replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
