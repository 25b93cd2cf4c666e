package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementEvent;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.DropReason;

/** Given an agreement's past events, when a command arrives, then these events (or this rejection). */
class AgreementTest {
    private static final UUID AGREEMENT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID SERIES = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final LocalDate DUE = LocalDate.parse("2026-12-04");
    private static final AgreementMade MADE = new AgreementMade(AGREEMENT, SERIES, MEETING, AuthorRole.COMPANION, OWNER, DUE);

    @Test
    void an_agreement_is_made_at_a_meeting_that_takes_place() {
        for (String status : List.of("SCHEDULED", "HELD")) {
            assertEquals(Decision.accept(MADE), given().make(make(status, DUE)), status);
        }
        assertEquals(Decision.accept(new AgreementMade(AGREEMENT, SERIES, MEETING, AuthorRole.COMPANION, OWNER, null)),
                given().make(make("HELD", null)));
    }

    @Test
    void no_agreement_is_made_at_a_cancelled_or_missed_meeting() {
        for (String status : List.of("CANCELLED", "MISSED")) {
            assertRejected(given().make(make(status, DUE)), Agreement.MEETING_DID_NOT_TAKE_PLACE);
        }
    }

    @Test
    void an_agreement_is_made_once() {
        assertRejected(given(MADE).make(make("HELD", DUE)), Agreement.AGREEMENT_EXISTS);
    }

    @Test
    void an_open_agreement_is_completed() {
        assertEquals(Decision.accept(new AgreementCompleted(AGREEMENT, SERIES)), given(MADE).complete());
    }

    @Test
    void an_open_agreement_is_dropped_for_a_reason() {
        assertEquals(Decision.accept(new AgreementDropped(AGREEMENT, SERIES, DropReason.SUPERSEDED)),
                given(MADE).drop(DropReason.SUPERSEDED));
    }

    @Test
    void the_due_date_moves_and_the_change_says_from_where() {
        LocalDate later = DUE.plusWeeks(1);
        assertEquals(Decision.accept(new AgreementDueDateChanged(AGREEMENT, SERIES, DUE, later)),
                given(MADE).changeDueDate(later));
        // and again, from the date the first change set
        assertEquals(Decision.accept(new AgreementDueDateChanged(AGREEMENT, SERIES, later, null)),
                given(MADE, new AgreementDueDateChanged(AGREEMENT, SERIES, DUE, later)).changeDueDate(null));
    }

    @Test
    void the_same_due_date_again_changes_nothing() {
        assertEquals(Decision.accept(), given(MADE).changeDueDate(DUE));
    }

    @Test
    void a_closed_agreement_refuses_every_change() {
        for (AgreementEvent closing : List.of(new AgreementCompleted(AGREEMENT, SERIES),
                new AgreementDropped(AGREEMENT, SERIES, DropReason.NO_LONGER_NEEDED))) {
            Agreement closed = given(MADE, closing);
            assertRejected(closed.complete(), Agreement.AGREEMENT_CLOSED);
            assertRejected(closed.drop(DropReason.OTHER), Agreement.AGREEMENT_CLOSED);
            assertRejected(closed.changeDueDate(DUE.plusDays(1)), Agreement.AGREEMENT_CLOSED);
        }
    }

    @Test
    void an_agreement_never_made_cannot_change() {
        assertRejected(given().complete(), Agreement.AGREEMENT_NOT_FOUND);
        assertRejected(given().changeDueDate(DUE), Agreement.AGREEMENT_NOT_FOUND);
    }

    @Test
    void the_state_follows_the_events() {
        assertNull(given().status());
        Agreement agreement = given(MADE, new AgreementDueDateChanged(AGREEMENT, SERIES, DUE, DUE.plusDays(3)),
                new AgreementCompleted(AGREEMENT, SERIES));
        assertEquals(Agreement.Status.COMPLETED, agreement.status());
        assertEquals(DUE.plusDays(3), agreement.dueOn());
        assertEquals(3, agreement.version());
    }

    private static Agreement given(AgreementEvent... history) {
        return Agreement.replay(AGREEMENT, List.of(history));
    }

    private static MakeAgreement make(String meetingStatus, LocalDate dueOn) {
        return new MakeAgreement(AGREEMENT, SERIES, MEETING, AuthorRole.COMPANION, OWNER, dueOn, meetingStatus);
    }

    private static void assertRejected(Decision decision, String reason) {
        assertEquals(reason, assertInstanceOf(Decision.Rejected.class, decision).rejection().reason());
    }
}
