package dev.oneonone.meetings.projection;

import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.meetings.eventstore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Folds stored events into the series and meeting read models, in the transaction that stored them. */
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
        }
        return change.chain(() -> SeriesOverview.update("version = ?1 where seriesId = ?2", stored.version,
                stored.streamId)).replaceWithVoid();
    }
}
