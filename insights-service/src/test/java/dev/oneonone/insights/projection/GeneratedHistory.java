package dev.oneonone.insights.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.DropReason;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.EmploymentEndWithdrawn;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.events.meetings.SeriesEndReason;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;

/**
 * A seeded random history of every event kind the projections fold, over few keys so that one batch holds
 * several events of the same series, meeting, agreement, topic and person (overwrites, "first wins", least
 * arrival), redeliveries of the same envelope, and now and then an organisation or series that disagrees
 * with an earlier event of the same key.
 */
final class GeneratedHistory {
    private final Random random;
    private final List<UUID> series;
    private final List<UUID> meetings;
    private final List<UUID> agreements;
    private final List<UUID> topics;
    private final List<UUID> people;
    private final Instant origin = Instant.parse("2026-01-05T08:00:00Z");

    GeneratedHistory(long seed, int keys) {
        random = new Random(seed);
        series = ids(Math.max(2, keys / 4));
        meetings = ids(keys);
        agreements = ids(keys);
        topics = ids(Math.max(2, keys / 3));
        people = ids(Math.max(2, keys / 2));
    }

    /** {@code count} envelopes with their payloads; about one in ten repeats an earlier one. */
    List<ProjectedEvent> events(int count) {
        List<ProjectedEvent> events = new ArrayList<>(count);
        while (events.size() < count) {
            if (!events.isEmpty() && random.nextInt(10) == 0) {
                events.add(events.get(random.nextInt(events.size())));
                continue;
            }
            Object event = event();
            String org = random.nextInt(20) == 0 ? "other-org" : "gen-org";
            String type = event instanceof MeetingsEvent m ? m.type() : ((AgendaEvent) event).type();
            Instant at = instant();
            events.add(new ProjectedEvent(new EventEnvelope(UUID.randomUUID(), type, "/generated", org, "generated",
                    UUID.randomUUID(), 1 + random.nextInt(6), at, at, "{}"), event));
        }
        return events;
    }

    private Object event() {
        UUID s = pick(series);
        UUID m = pick(meetings);
        UUID a = pick(agreements);
        UUID p = pick(people);
        return switch (random.nextInt(22)) {
            case 0 -> new SeriesStarted(s, pick(people), pick(people), pick(Relationship.values()),
                    pick(Cadence.values()), 30, random.nextBoolean() ? "UTC" : "Europe/Berlin", day(), null, null);
            case 1 -> new SeriesEnded(s, pick(SeriesEndReason.values()), random.nextBoolean() ? day() : null);
            case 2 -> new CadenceChanged(s, pick(Cadence.values()), pick(Cadence.values()), null, null);
            case 3 -> {
                LocalDate from = day();
                yield new SeriesPaused(s, from, from.plusDays(random.nextInt(21)));
            }
            case 4 -> new SeriesResumed(s, day());
            case 5 -> new MeetingScheduled(s, m, instant(), 15 + random.nextInt(60), random.nextBoolean());
            case 6 -> new MeetingRescheduled(s, m, instant(), instant(), pick(ActorRole.values()), null,
                    pick(RescheduleReason.values()));
            case 7 -> new MeetingHeld(s, m, instant(), 5 + random.nextInt(60), pick(MeetingMode.values()));
            case 8 -> new MeetingCancelled(s, m, pick(ActorRole.values()), null, pick(CancelReason.values()));
            case 9 -> new MeetingMissed(s, m, instant());
            case 10 -> new TopicAdded(m, pick(topics), pick(TopicKind.values()), pick(AuthorRole.values()),
                    random.nextBoolean());
            case 11 -> new TopicCarriedOver(m, pick(meetings), s, pick(topics), pick(TopicKind.values()),
                    pick(AuthorRole.values()), 1 + random.nextInt(3));
            case 12 -> new AgreementMade(a, s, m, pick(AuthorRole.values()), p, random.nextBoolean() ? day() : null);
            case 13 -> new AgreementCompleted(a, s);
            case 14 -> new AgreementDropped(a, s, pick(DropReason.values()));
            case 15 -> new AgreementDueDateChanged(a, s, day(), random.nextBoolean() ? day() : null);
            case 16 -> new PersonRegistered(p, team(), "ENG", random.nextBoolean() ? pick(people) : null,
                    random.nextBoolean() ? day() : null);
            case 17 -> new PersonRehired(p, day(), team(), "ENG", pick(people));
            case 18 -> new ReportingLineChanged(p, pick(people), random.nextBoolean() ? pick(people) : null,
                    random.nextBoolean() ? day() : null);
            case 19 -> new PersonDetailsChanged(p, team(), random.nextBoolean() ? "OPS" : null,
                    random.nextBoolean() ? day() : null);
            case 20 -> new EmploymentEndWithdrawn(p);
            default -> new EmploymentEnded(p, day());
        };
    }

    private String team() {
        return random.nextBoolean() ? "PLATFORM" : "DATA";
    }

    private Instant instant() {
        // whole minutes over two months, so that equal times occur too
        return origin.plusSeconds(60L * random.nextInt(60 * 24 * 60));
    }

    private LocalDate day() {
        return LocalDate.of(2026, 1, 5).plusDays(random.nextInt(60));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return ids;
    }
}
