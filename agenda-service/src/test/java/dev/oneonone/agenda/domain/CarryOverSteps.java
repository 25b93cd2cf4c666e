package dev.oneonone.agenda.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.oneonone.agenda.domain.Agenda.AgendaTopic;
import dev.oneonone.agenda.domain.CarryOver.SeriesMeeting;
import dev.oneonone.events.agenda.AuthorRole;

/**
 * Random but valid changes of a series, drawn from a seeded {@link Random} against the series' current state:
 * only what meetings-service and the agenda's REST API would accept (a meeting is moved or topics are added only
 * before it starts, held or missed only once it started, nothing is scheduled or moved into the past).
 */
public final class CarryOverSteps {

    /** One change of the series. */
    public sealed interface Step {
    }

    public record Schedule(UUID meetingId, Instant startsAt) implements Step {
    }

    public record Move(UUID meetingId, Instant to) implements Step {
    }

    public record Cancel(UUID meetingId) implements Step {
    }

    /** Held, after the participants marked {@code discussed} done. */
    public record Hold(UUID meetingId, List<UUID> discussed) implements Step {
    }

    public record Miss(UUID meetingId) implements Step {
    }

    public record AddTopic(UUID meetingId, AuthorRole role) implements Step {
    }

    /** A participant marks a topic discussed while it waits on the meeting it left. */
    public record DiscussWaiting(UUID meetingId, UUID topicId) implements Step {
    }

    /** Time passes. */
    public record Wait(Instant until) implements Step {
    }

    private CarryOverSteps() {
    }

    public static Step next(Random random, CarryOverSimulation series) {
        Instant now = series.now();
        List<SeriesMeeting> scheduled = series.meetings().stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED).sorted(CarryOverSimulation.BY_START).toList();
        List<SeriesMeeting> open = scheduled.stream().filter(m -> m.startsAt().isAfter(now)).toList();
        List<SeriesMeeting> started = scheduled.stream().filter(m -> !m.startsAt().isAfter(now)).toList();
        int roll = random.nextInt(100);
        if (roll < 18 || scheduled.isEmpty()) {
            return new Schedule(UUID.randomUUID(), later(random, now));
        }
        if (roll < 33 && !open.isEmpty()) {
            SeriesMeeting meeting = pick(random, open);
            Instant to = later(random, now);
            return to.equals(meeting.startsAt()) ? new Wait(now.plus(Duration.ofHours(1))) : new Move(meeting.meetingId(), to);
        }
        if (roll < 43) {
            return new Cancel(pick(random, scheduled).meetingId());
        }
        if (roll < 63) {
            if (started.isEmpty()) {
                return new Wait(scheduled.get(0).startsAt().plus(Duration.ofMinutes(30 + random.nextInt(600))));
            }
            SeriesMeeting meeting = pick(random, started);
            if (random.nextInt(4) == 0) {
                return new Miss(meeting.meetingId());
            }
            List<UUID> discussed = new ArrayList<>();
            for (AgendaTopic topic : series.agenda(meeting.meetingId()).topics()) {
                if (!topic.discussed() && random.nextBoolean()) {
                    discussed.add(topic.topicId());
                }
            }
            return new Hold(meeting.meetingId(), discussed);
        }
        if (roll < 90 && !open.isEmpty()) {
            // most topics go on the next meeting, as they come up between meetings; some on a later one
            SeriesMeeting meeting = random.nextInt(4) == 0 ? pick(random, open)
                    : open.stream().min(Comparator.comparing(SeriesMeeting::startsAt)
                            .thenComparing(SeriesMeeting::meetingId)).orElseThrow();
            return new AddTopic(meeting.meetingId(), random.nextBoolean() ? AuthorRole.COMPANION : AuthorRole.LEADER);
        }
        List<UUID> waiting = series.waiting().keySet().stream()
                .filter(topic -> !series.agenda(series.waiting().get(topic)).topics().stream()
                        .filter(t -> t.topicId().equals(topic)).findFirst().orElseThrow().discussed())
                .sorted().toList();
        if (!waiting.isEmpty() && random.nextInt(3) == 0) {
            UUID topic = waiting.get(random.nextInt(waiting.size()));
            return new DiscussWaiting(series.waiting().get(topic), topic);
        }
        return new Wait(now.plus(Duration.ofHours(1 + random.nextInt(24 * 10))));
    }

    /** Applies a step to the simulation; {@code topicId} names the topic an {@link AddTopic} adds. */
    public static void apply(Step step, CarryOverSimulation series, UUID topicId) {
        if (step instanceof Schedule s) {
            series.schedule(s.meetingId(), s.startsAt());
        } else if (step instanceof Move m) {
            series.move(m.meetingId(), m.to());
        } else if (step instanceof Cancel c) {
            series.end(c.meetingId(), CarryOver.Outcome.CANCELLED);
        } else if (step instanceof Hold h) {
            h.discussed().forEach(topic -> series.discuss(h.meetingId(), topic));
            series.end(h.meetingId(), CarryOver.Outcome.HELD);
        } else if (step instanceof Miss m) {
            series.end(m.meetingId(), CarryOver.Outcome.MISSED);
        } else if (step instanceof AddTopic a) {
            series.addTopic(a.meetingId(), topicId, a.role());
        } else if (step instanceof DiscussWaiting d) {
            series.discuss(d.meetingId(), d.topicId());
        } else if (step instanceof Wait w) {
            series.advanceTo(w.until());
        }
    }

    /** A start between one hour and thirty days from now, on the hour. */
    private static Instant later(Random random, Instant now) {
        return now.plus(Duration.ofHours(1 + random.nextInt(24 * 30)));
    }

    private static SeriesMeeting pick(Random random, List<SeriesMeeting> meetings) {
        return meetings.get(random.nextInt(meetings.size()));
    }
}
