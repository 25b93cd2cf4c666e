package dev.oneonone.meetings.application.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.SeriesEndReason;
import dev.oneonone.kit.input.StrictJson;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.series.CancelMeeting;
import dev.oneonone.meetings.domain.series.ChangeCadence;
import dev.oneonone.meetings.domain.series.EndSeries;
import dev.oneonone.meetings.domain.series.PauseSeries;
import dev.oneonone.meetings.domain.series.RecordMeetingHeld;
import dev.oneonone.meetings.domain.series.RecordMeetingMissed;
import dev.oneonone.meetings.domain.series.RescheduleMeeting;
import dev.oneonone.meetings.domain.series.ResumeSeries;
import dev.oneonone.meetings.domain.series.ScheduleMeeting;
import dev.oneonone.meetings.domain.series.ScheduleNextMeeting;
import dev.oneonone.meetings.domain.series.Series;
import dev.oneonone.meetings.domain.series.StartSeries;

/**
 * Issue 16: a series loaded as the command path loads it (the latest snapshot, through JSON as the store keeps it,
 * plus the events after it) decides every command exactly as the series folded from its first event, and has the
 * same state. Random command sequences (refusals included) over seeded {@link SplittableRandom}s, with a random
 * snapshot interval; a failure names its seed and step.
 */
class SeriesSnapshotPropertyTest {
    private static final int SEQUENCES = 300;
    private static final int STEPS = 80;
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "UTC");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void snapshot_and_tail_decide_and_fold_as_the_whole_history() throws Exception {
        for (long seed = 0; seed < SEQUENCES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int every = 1 + random.nextInt(12);
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            UUID leader = UUID.randomUUID();
            UUID companion = UUID.randomUUID();
            Instant now = Instant.parse("2026-03-02T08:00:00Z").plus(Duration.ofHours(random.nextInt(500)));
            StartSeries start = new StartSeries(UUID.randomUUID(), leader, companion, Relationship.MANAGER_REPORT,
                    Cadence.values()[random.nextInt(Cadence.values().length)], 30, zone.getId(),
                    LocalDate.ofInstant(now, zone), random.nextBoolean() ? DayOfWeek.of(1 + random.nextInt(5)) : null,
                    random.nextBoolean() ? LocalTime.of(8 + random.nextInt(9), 30) : null, now);
            List<MeetingsEvent> history = new ArrayList<>(((Decision.Accepted) Series.start(start)).events());
            List<UUID> meetingIds = new ArrayList<>();
            String snapshot = null;
            long snapshotVersion = 0;

            for (int step = 0; step < STEPS; step++) {
                String where = "seed " + seed + ", step " + step + ", snapshot every " + every;
                now = now.plus(Duration.ofHours(1 + random.nextInt(72)));
                Function<Series, Decision> command = command(random, now, leader, meetingIds);
                Series full = Series.from(history);
                Series loaded = snapshot == null ? Series.from(List.of())
                        : Series.restore(StrictJson.trustedReader(JSON).forType(Series.State.class).readValue(snapshot));
                history.subList((int) snapshotVersion, history.size()).forEach(loaded::apply);
                assertEquals(full.state(), loaded.state(), where + ": state");
                assertEquals(full.nextSlot(now), loaded.nextSlot(now), where + ": next slot");

                Decision decided = command.apply(loaded);
                assertEquals(command.apply(full), decided, where + ": decision");
                if (decided instanceof Decision.Accepted accepted) {
                    history.addAll(accepted.events());
                    accepted.events().forEach(loaded::apply);
                    if (history.size() - snapshotVersion >= every) {
                        snapshot = JSON.writeValueAsString(loaded.state());
                        snapshotVersion = history.size();
                    }
                }
            }
        }
    }

    /** A random command, as a function so that both series get the same one (same ids, same times). */
    private static Function<Series, Decision> command(SplittableRandom random, Instant now, UUID leader,
            List<UUID> meetingIds) {
        UUID meeting = meetingIds.isEmpty() || random.nextInt(10) == 0 ? UUID.randomUUID()
                : meetingIds.get(random.nextInt(meetingIds.size()));
        Instant soon = now.plus(Duration.ofHours(random.nextInt(24 * 40) - 48));
        LocalDate day = LocalDate.ofInstant(now, ZoneId.of("UTC")).plusDays(random.nextInt(40) - 5);
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> {
                UUID id = UUID.randomUUID();
                meetingIds.add(id);
                Integer minutes = random.nextInt(4) == 0 ? 3 + random.nextInt(300) : null;
                yield series -> series.schedule(new ScheduleMeeting(id, soon, minutes, now));
            }
            case 3 -> {
                UUID id = UUID.randomUUID();
                meetingIds.add(id);
                yield series -> series.scheduleNext(new ScheduleNextMeeting(id, now));
            }
            case 4 -> {
                UUID by = random.nextBoolean() ? leader : null;
                yield series -> series.reschedule(new RescheduleMeeting(meeting, soon, by, RescheduleReason.CONFLICT, now));
            }
            case 5 -> series -> series.cancel(new CancelMeeting(meeting, leader, CancelReason.ILLNESS, now));
            case 6 -> {
                int minutes = 20 + random.nextInt(40);
                yield series -> series.recordHeld(new RecordMeetingHeld(meeting, now.minus(Duration.ofHours(1)),
                        minutes, MeetingMode.REMOTE, now));
            }
            case 7 -> series -> series.recordMissed(new RecordMeetingMissed(meeting, Duration.ofDays(1), now, now));
            case 8 -> {
                LocalDate until = day.plusDays(random.nextInt(30));
                yield series -> series.pause(new PauseSeries(day, until, now));
            }
            case 9 -> {
                LocalDate on = random.nextBoolean() ? day : null;
                yield series -> series.resume(new ResumeSeries(on, now));
            }
            case 10 -> {
                Cadence to = Cadence.values()[random.nextInt(Cadence.values().length)];
                yield series -> series.changeCadence(new ChangeCadence(to, null, now));
            }
            default -> random.nextInt(8) == 0
                    ? series -> series.end(new EndSeries(now, now, SeriesEndReason.ENDED_BY_PARTICIPANT, null, null))
                    : series -> series.schedule(new ScheduleMeeting(meeting, soon, null, now));
        };
    }
}
