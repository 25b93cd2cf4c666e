package dev.oneonone.insights.domain.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.domain.figures.SeriesTimeline.AgreementRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.DueChange;
import dev.oneonone.insights.domain.figures.SeriesTimeline.MeetingRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.Move;
import dev.oneonone.insights.domain.figures.SeriesTimeline.SeriesChange;

/** A crafted series history for the calculator: days in Europe/Berlin, meetings at 09:00, decisions at 12:00. */
final class History {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Cadence cadence;
    private final LocalDate startsOn;
    private Instant endedAt;
    private final List<SeriesChange> changes = new ArrayList<>();
    private final List<MeetingRecord> meetings = new ArrayList<>();
    private final List<AgreementRecord> agreements = new ArrayList<>();
    private long version = 1;

    private History(Cadence cadence, LocalDate startsOn) {
        this.cadence = cadence;
        this.startsOn = startsOn;
    }

    static History series(Cadence cadence, LocalDate startsOn) {
        return new History(cadence, startsOn);
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    static Instant noon(LocalDate day) {
        return at(day, 12);
    }

    History cadence(LocalDate on, Cadence to) {
        changes.add(SeriesChange.cadence(noon(on), ++version, to));
        return this;
    }

    History paused(LocalDate decidedOn, LocalDate from, LocalDate until) {
        changes.add(SeriesChange.pause(noon(decidedOn), ++version, from, until));
        return this;
    }

    History resumed(LocalDate decidedOn, LocalDate on) {
        changes.add(SeriesChange.resume(noon(decidedOn), ++version, on));
        return this;
    }

    History ended(LocalDate on) {
        endedAt = noon(on);
        return this;
    }

    /** Scheduled the day before, held at 09:00 on the day, recorded right after. */
    History held(LocalDate day, int minutes) {
        return meeting(new MeetingRecord(UUID.randomUUID(), at(day, 9), noon(day.minusDays(1)), List.of(), at(day, 9),
                minutes, null, null, null));
    }

    History held(LocalDate... days) {
        for (LocalDate day : days) {
            held(day, 30);
        }
        return this;
    }

    History meeting(MeetingRecord meeting) {
        meetings.add(meeting);
        return this;
    }

    static MeetingRecord scheduled(LocalDate decidedOn, LocalDate forDay) {
        return new MeetingRecord(UUID.randomUUID(), at(forDay, 9), noon(decidedOn), List.of(), null, null, null, null,
                null);
    }

    static MeetingRecord moved(MeetingRecord m, LocalDate decidedOn, LocalDate toDay) {
        List<Move> moves = new ArrayList<>(m.moves());
        moves.add(new Move(at(toDay, 9), noon(decidedOn)));
        return new MeetingRecord(m.meetingId(), m.scheduledFor(), m.scheduledAt(), moves, m.heldAt(), m.actualMinutes(),
                m.cancelledAt(), m.missedAt(), m.firstCompanionTopicAt());
    }

    static MeetingRecord heldOn(MeetingRecord m, Instant heldAt, int minutes) {
        return new MeetingRecord(m.meetingId(), m.scheduledFor(), m.scheduledAt(), m.moves(), heldAt, minutes,
                m.cancelledAt(), m.missedAt(), m.firstCompanionTopicAt());
    }

    static MeetingRecord cancelledOn(MeetingRecord m, LocalDate decidedOn) {
        return new MeetingRecord(m.meetingId(), m.scheduledFor(), m.scheduledAt(), m.moves(), m.heldAt(),
                m.actualMinutes(), noon(decidedOn), m.missedAt(), m.firstCompanionTopicAt());
    }

    static MeetingRecord companionTopicAt(MeetingRecord m, Instant arrived) {
        return new MeetingRecord(m.meetingId(), m.scheduledFor(), m.scheduledAt(), m.moves(), m.heldAt(),
                m.actualMinutes(), m.cancelledAt(), m.missedAt(), arrived);
    }

    History agreement(AuthorRole owner, LocalDate madeOn, LocalDate dueOn, LocalDate completedOn, LocalDate droppedOn,
            DueChange... dueChanges) {
        agreements.add(new AgreementRecord(UUID.randomUUID(), owner, at(madeOn, 10), dueOn, List.of(dueChanges),
                completedOn == null ? null : noon(completedOn), droppedOn == null ? null : noon(droppedOn)));
        return this;
    }

    SeriesTimeline build() {
        return new SeriesTimeline(UUID.randomUUID(), "acme", UUID.randomUUID(), UUID.randomUUID(),
                Relationship.MANAGER_REPORT, cadence, ZONE, startsOn, endedAt, changes, meetings, agreements);
    }
}
