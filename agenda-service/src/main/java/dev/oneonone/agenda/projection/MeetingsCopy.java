package dev.oneonone.agenda.projection;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesStarted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.agenda.domain.MeetingStatus;

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
            series.timeZone = started.timeZone();
            return series.persist().replaceWithVoid();
        }
        if (event instanceof MeetingScheduled scheduled) {
            KnownMeeting meeting = new KnownMeeting();
            meeting.meetingId = scheduled.meetingId();
            meeting.seriesId = scheduled.seriesId();
            meeting.organisationId = envelope.organisationId();
            meeting.scheduledFor = scheduled.scheduledFor();
            meeting.firstOfSeries = scheduled.firstOfSeries();
            meeting.status = MeetingStatus.SCHEDULED.name();
            return meeting.persist().replaceWithVoid();
        }
        if (event instanceof SeriesEnded) {
            // the retention period counts from here (ContentExpiry)
            return KnownSeries.update("endedAt = ?1 where seriesId = ?2 and endedAt is null", envelope.occurredAt(),
                    envelope.aggregateId()).replaceWithVoid();
        }
        if (event instanceof MeetingRescheduled rescheduled) {
            return KnownMeeting.update("scheduledFor = ?1 where meetingId = ?2", rescheduled.to(),
                    rescheduled.meetingId()).replaceWithVoid();
        }
        if (event instanceof MeetingHeld held) {
            return status(held.meetingId(), MeetingStatus.HELD.name());
        }
        if (event instanceof MeetingCancelled cancelled) {
            return status(cancelled.meetingId(), MeetingStatus.CANCELLED.name());
        }
        if (event instanceof MeetingMissed missed) {
            return status(missed.meetingId(), MeetingStatus.MISSED.name());
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> status(java.util.UUID meetingId, String status) {
        return KnownMeeting.update("status = ?1 where meetingId = ?2", status, meetingId).replaceWithVoid();
    }
}
