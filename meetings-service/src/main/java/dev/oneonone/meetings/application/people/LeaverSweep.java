package dev.oneonone.meetings.application.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.oneonone.kit.schedule.SweepRounds;

import dev.oneonone.meetings.application.series.SeriesCommands;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.domain.series.EndSeries;
import dev.oneonone.meetings.domain.series.Series;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Ends the series of leavers: once the day after a person's last day has come (in the organisation's calendar),
 * every running or paused series they take part in, as leader or companion, records
 * {@code SeriesEnded(reason EMPLOYMENT_ENDED, endedOn = lastDay + 1)} that happened at the start of that day, however
 * late it is recorded (an import, a late record). Runs at start, every {@code meetings.leaver-sweep.interval} (an
 * hour) and at once when an employment end is recorded ({@link #soon}). Each series is its own transaction at the
 * version read, so a series ended meanwhile (by a participant, by another instance's sweep) is simply skipped.
 */
@ApplicationScoped
public class LeaverSweep {
    private static final Logger LOG = Logger.getLogger(LeaverSweep.class);
    private static final int BATCH = 200;

    private record Candidate(String organisationId, UUID seriesId, LocalDate lastDay) {
    }

    private final SeriesCommands commands;
    private final OrganisationCalendar calendar;
    private final Pool pool;
    private final Clock clock;
    private final Duration interval;
    private final boolean enabled;
    private final SweepRounds rounds = new SweepRounds("leaver-sweep", () -> sweep(now()));

    public LeaverSweep(SeriesCommands commands, OrganisationCalendar calendar, Pool pool, Clock clock,
            @ConfigProperty(name = "meetings.leaver-sweep.interval") Duration interval,
            @ConfigProperty(name = "meetings.leaver-sweep.enabled") boolean enabled) {
        this.commands = commands;
        this.calendar = calendar;
        this.pool = pool;
        this.clock = clock;
        this.interval = interval;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            rounds.start(Duration.ZERO, interval);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.stop();
    }

    /** Asks for a sweep now, on the sweep's own thread (after an employment end was recorded). */
    public void soon() {
        rounds.soon();
    }

    private Instant now() {
        return clock.instant();
    }

    /** One sweep as of {@code now}; answers how many series it ended. Blocks. */
    public int sweep(Instant now) {
        int ended = 0;
        List<Candidate> batch;
        do {
            batch = candidates(now);
            int before = ended;
            for (Candidate candidate : batch) {
                ended += end(candidate, now) ? 1 : 0;
            }
            if (ended == before) {
                break; // nothing in this batch could be ended: leave the rest to the next round
            }
        } while (batch.size() == BATCH);
        if (ended > 0) {
            LOG.infof("Ended %d series of people whose employment has ended", ended);
        }
        return ended;
    }

    /**
     * Running series with a participant past their last day (the earlier one when both are; a rehire clears the
     * directory's last day, so their series of the new employment are not taken). The day is checked per organisation:
     * the query takes every last day before tomorrow in UTC, which no organisation's today is after.
     */
    private List<Candidate> candidates(Instant now) {
        LocalDate tomorrowUtc = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        List<Candidate> found = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select s.organisation_id, s.series_id, min(p.last_day) as last_day
                        from series_overview s
                        join person_overview p on p.organisation_id = s.organisation_id
                            and p.person_id in (s.leader_id, s.companion_id)
                        where s.status <> 'ENDED' and p.last_day < $1
                        group by s.organisation_id, s.series_id
                        order by last_day, s.series_id
                        limit $2""")
                .execute(Tuple.of(tomorrowUtc, BATCH))
                .await().atMost(Duration.ofSeconds(30))) {
            Candidate candidate = new Candidate(row.getString(0), row.getUUID(1), row.getLocalDate(2));
            LocalDate today = LocalDate.ofInstant(now, calendar.zone(candidate.organisationId()));
            if (candidate.lastDay().isBefore(today)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private boolean end(Candidate candidate, Instant now) {
        EndSeries command = EndSeries.employmentEnded(candidate.lastDay(),
                calendar.zone(candidate.organisationId()), now);
        try {
            VertxContextSupport.subscribeAndAwait(() -> commands.execute(candidate.organisationId(),
                    candidate.seriesId(), null, command, Series::end));
            return true;
        } catch (Throwable e) {
            LOG.debugf("Series %s not ended for a leaver: %s", candidate.seriesId(), e.getMessage());
            return false;
        }
    }
}
