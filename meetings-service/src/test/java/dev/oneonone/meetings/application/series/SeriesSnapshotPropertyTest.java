package dev.oneonone.meetings.application.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import dev.oneonone.meetings.domain.series.SeriesCommand;
import dev.oneonone.meetings.domain.series.StartSeries;

/**
 * Issue 16: a series loaded as the command path loads it (the latest snapshot, through JSON as the store keeps it,
 * plus the events after it) decides every command exactly as the series folded from its first event, and has the
 * same state. Random command sequences (refusals included) over seeded {@link SplittableRandom}s, with a random
 * snapshot interval; a failure names its seed and step. The snapshot holds no meeting: the loaded series is told of
 * exactly the meetings {@link Series#needs} names, as the read model has them (here: as the full fold has them).
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
                Step command = command(random, now, leader, meetingIds);
                Series full = Series.from(history);
                Series loaded = load(snapshot, history, snapshotVersion);
                assertEquals(full.state(), loaded.state(), where + ": state");
                if (snapshot != null) {
                    loaded.know(needed(full, command.command()));
                    Series forSlot = load(snapshot, history, snapshotVersion)
                            .know(needed(full, new ScheduleNextMeeting(UUID.randomUUID(), now)));
                    assertEquals(full.nextSlot(now), forSlot.nextSlot(now), where + ": next slot");
                }

                Decision decided = command.decide().apply(loaded);
                assertEquals(command.decide().apply(full), decided, where + ": decision");
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

    private static Series load(String snapshot, List<MeetingsEvent> history, long snapshotVersion) throws Exception {
        Series loaded = snapshot == null ? Series.from(List.of())
                : Series.restore(StrictJson.trustedReader(JSON).forType(Series.State.class).readValue(snapshot));
        history.subList((int) snapshotVersion, history.size()).forEach(loaded::apply);
        return loaded;
    }

    /** What SeriesCommands reads from meeting_overview for the command, from the series folded in full. */
    private static List<Series.MeetingState> needed(Series full, SeriesCommand command) {
        Series.MeetingNeeds needs = Series.needs(command);
        List<Series.MeetingState> all = full.knownMeetings();
        List<Series.MeetingState> found = new ArrayList<>();
        all.stream().filter(m -> m.id().equals(needs.meetingId())).forEach(found::add);
        if (needs.recent()) {
            all.stream().max(Comparator.comparing(Series.MeetingState::scheduledFor)).ifPresent(last -> {
                Instant from = last.scheduledFor().minus(Series.RECENT);
                all.stream().filter(m -> !m.scheduledFor().isBefore(from) || !m.firstScheduledFor().isBefore(from))
                        .forEach(found::add);
            });
        }
        if (needs.allScheduled()) {
            all.stream().filter(m -> m.status() == Series.MeetingStatus.SCHEDULED).forEach(found::add);
        }
        Collections.shuffle(found, new java.util.Random(found.size()));
        return found;
    }

    /** A command and how the series decides it. */
    private record Step(SeriesCommand command, Function<Series, Decision> decide) {
    }

    /** A random command, as a function so that both series get the same one (same ids, same times). */
    private static Step command(SplittableRandom random, Instant now, UUID leader,
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
                ScheduleMeeting c = new ScheduleMeeting(id, soon, minutes, now);
                yield new Step(c, series -> series.schedule(c));
            }
            case 3 -> {
                UUID id = UUID.randomUUID();
                meetingIds.add(id);
                ScheduleNextMeeting c = new ScheduleNextMeeting(id, now);
                yield new Step(c, series -> series.scheduleNext(c));
            }
            case 4 -> {
                UUID by = random.nextBoolean() ? leader : null;
                RescheduleMeeting c = new RescheduleMeeting(meeting, soon, by, RescheduleReason.CONFLICT, now);
                yield new Step(c, series -> series.reschedule(c));
            }
            case 5 -> {
                CancelMeeting c = new CancelMeeting(meeting, leader, CancelReason.ILLNESS, now);
                yield new Step(c, series -> series.cancel(c));
            }
            case 6 -> {
                int minutes = 20 + random.nextInt(40);
                RecordMeetingHeld c = new RecordMeetingHeld(meeting, now.minus(Duration.ofHours(1)), minutes,
                        MeetingMode.REMOTE, now);
                yield new Step(c, series -> series.recordHeld(c));
            }
            case 7 -> {
                RecordMeetingMissed c = new RecordMeetingMissed(meeting, Duration.ofDays(1), now, now);
                yield new Step(c, series -> series.recordMissed(c));
            }
            case 8 -> {
                LocalDate until = day.plusDays(random.nextInt(30));
                PauseSeries c = new PauseSeries(day, until, now);
                yield new Step(c, series -> series.pause(c));
            }
            case 9 -> {
                LocalDate on = random.nextBoolean() ? day : null;
                ResumeSeries c = new ResumeSeries(on, now);
                yield new Step(c, series -> series.resume(c));
            }
            case 10 -> {
                Cadence to = Cadence.values()[random.nextInt(Cadence.values().length)];
                ChangeCadence c = new ChangeCadence(to, null, now);
                yield new Step(c, series -> series.changeCadence(c));
            }
            default -> {
                if (random.nextInt(8) == 0) {
                    EndSeries c = new EndSeries(now, now, SeriesEndReason.ENDED_BY_PARTICIPANT, null, null);
                    yield new Step(c, series -> series.end(c));
                }
                ScheduleMeeting c = new ScheduleMeeting(meeting, soon, null, now);
                yield new Step(c, series -> series.schedule(c));
            }
        };
    }
}
