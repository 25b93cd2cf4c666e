package dev.oneonone.meetings.application.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.oneonone.kit.schedule.SweepRounds;
import dev.oneonone.meetings.domain.series.RecordMeetingMissed;
import dev.oneonone.meetings.domain.series.Series;
import dev.oneonone.meetings.projection.MeetingOverview;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Records MeetingMissed for meetings that passed without being held or cancelled: those still
 * scheduled whose planned end is more than {@code meetings.missed-sweep.after} ago. Runs on its own
 * thread every {@code meetings.missed-sweep.interval}; each meeting is its own transaction, so one
 * that changed meanwhile (held, moved: the series refuses) is simply skipped.
 */
@ApplicationScoped
public class MissedMeetingSweep {
    private static final Logger LOG = Logger.getLogger(MissedMeetingSweep.class);
    private static final int BATCH = 200;

    private record Candidate(String organisationId, UUID seriesId, UUID meetingId, Instant plannedEnd) {
    }

    private final SeriesCommands commands;
    private final Clock clock;
    private final Duration after;
    private final Duration interval;
    private final boolean enabled;
    private final SweepRounds rounds = new SweepRounds("missed-meeting-sweep", () -> sweep(now()));

    public MissedMeetingSweep(SeriesCommands commands, Clock clock,
            @ConfigProperty(name = "meetings.missed-sweep.after") Duration after,
            @ConfigProperty(name = "meetings.missed-sweep.interval") Duration interval,
            @ConfigProperty(name = "meetings.missed-sweep.enabled") boolean enabled) {
        this.commands = commands;
        this.clock = clock;
        this.after = after;
        this.interval = interval;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            rounds.start(interval, interval);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.stop();
    }

    private Instant now() {
        return clock.instant();
    }

    /** One sweep as of {@code now}; answers how many meetings it recorded as missed. Blocks. */
    public int sweep(Instant now) {
        int missed = 0;
        List<Candidate> batch;
        do {
            batch = candidates(now);
            int before = missed;
            for (Candidate candidate : batch) {
                missed += recordMissed(candidate, now) ? 1 : 0;
            }
            if (missed == before) {
                break; // nothing in this batch could be recorded: leave the rest to the next round
            }
        } while (batch.size() == BATCH);
        if (missed > 0) {
            LOG.infof("Recorded %d meetings as missed", missed);
        }
        return missed;
    }

    private List<Candidate> candidates(Instant now) {
        // planned minutes are at most Series.MAX_PLANNED_MINUTES; the exact end is checked below
        Instant startedBefore = now.minus(after);
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> MeetingOverview
                    .<MeetingOverview>find("status = ?1 and scheduledFor < ?2 and seriesId in "
                            + "(select s.seriesId from SeriesOverview s where s.status <> 'ENDED') order by scheduledFor",
                            MeetingOverview.SCHEDULED, startedBefore)
                    .page(0, BATCH).list()
                    .map(rows -> rows.stream()
                            .map(m -> new Candidate(m.organisationId, m.seriesId, m.meetingId,
                                    m.scheduledFor.plus(Duration.ofMinutes(m.plannedMinutes))))
                            .filter(c -> c.plannedEnd().plus(after).isBefore(now))
                            .toList())));
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read meetings to sweep", e);
        }
    }

    private boolean recordMissed(Candidate candidate, Instant now) {
        RecordMeetingMissed command = new RecordMeetingMissed(candidate.meetingId(), after, now, candidate.plannedEnd());
        try {
            VertxContextSupport.subscribeAndAwait(() -> commands.execute(candidate.organisationId(),
                    candidate.seriesId(), null, command, Series::recordMissed));
            return true;
        } catch (Throwable e) {
            LOG.debugf("Meeting %s not recorded as missed: %s", candidate.meetingId(), e.getMessage());
            return false;
        }
    }
}
