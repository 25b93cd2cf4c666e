package dev.oneonone.meetings.domain.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.EmploymentEndWithdrawn;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.PersonErased;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;

/** Given past events and a directory, when a command arrives, then these events (or this rejection). */
class PersonTest {
    private static final UUID ANNA = id("a1");
    private static final UUID BOB = id("b1");
    private static final UUID CARLA = id("c1");
    private static final UUID DAVID = id("d1");
    private static final UUID NOBODY = id("ff");
    private static final UUID ELSA = id("e5");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");
    private static final LocalDate JAN = LocalDate.parse("2026-01-05");
    private static final PersonRegistered ANNA_REGISTERED = new PersonRegistered(ANNA, "platform", "ENG", BOB, JAN);

    /**
     * Carla leads; Bob reports to Carla; Anna reports to Bob, all since January; David left on 31 October; Elsa
     * joined on 1 June.
     */
    private final Map<UUID, Directory.Entry> entries = new HashMap<>(Map.of(
            CARLA, new Directory.Entry(CARLA, null, JAN, null),
            BOB, new Directory.Entry(BOB, CARLA, JAN, null),
            ANNA, new Directory.Entry(ANNA, BOB, JAN, null),
            DAVID, new Directory.Entry(DAVID, CARLA, JAN, LocalDate.parse("2026-10-31")),
            ELSA, new Directory.Entry(ELSA, CARLA, LocalDate.parse("2026-06-01"), null)));
    private final Directory directory = Directory.of(entries);

    @Test
    void registering_a_person_records_person_registered_without_name_or_email() {
        UUID erik = UUID.randomUUID();

        Decision decision = Person.register(new RegisterPerson(erik, "platform", "ENG", BOB, null, TODAY), directory);

        assertEquals(Decision.accept(new PersonRegistered(erik, "platform", "ENG", BOB, TODAY)), decision);
    }

    @Test
    void a_person_may_have_no_manager() {
        UUID erik = UUID.randomUUID();

        assertEquals(Decision.accept(new PersonRegistered(erik, null, null, null, TODAY)),
                Person.register(new RegisterPerson(erik, null, null, null, null, TODAY), directory));
    }

    @Test
    void the_manager_must_be_in_the_directory() {
        assertRejected(Person.register(new RegisterPerson(UUID.randomUUID(), null, null, NOBODY, null, TODAY), directory),
                "unknown-manager", "managerId");
    }

    @Test
    void the_manager_must_still_be_employed() {
        assertRejected(Person.register(new RegisterPerson(UUID.randomUUID(), null, null, DAVID, null, TODAY), directory),
                "manager-not-employed", "managerId");
    }

    @Test
    void nobody_is_their_own_manager() {
        assertRejected(given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", ANNA, false, null, TODAY), directory),
                "own-manager", "managerId");
    }

    @Test
    void a_manager_cannot_come_to_report_to_someone_below_them() {
        Person carla = given(new PersonRegistered(CARLA, null, null, null));

        // Anna reports to Bob, who reports to Carla: Carla under Anna would close a circle
        assertRejected(carla.change(new ChangePerson(null, null, ANNA, false, null, TODAY), directory), "reporting-cycle",
                "managerId");
    }

    @Test
    void a_cycle_elsewhere_in_the_directory_does_not_hang_the_check() {
        UUID x = id("e1");
        UUID y = id("e2");
        entries.put(x, new Directory.Entry(x, y, JAN, null));
        entries.put(y, new Directory.Entry(y, x, JAN, null));

        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, x, TODAY)),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", x, false, null, TODAY), directory));
    }

    @Test
    void a_new_manager_records_the_reporting_line_with_the_previous_one() {
        Decision decision = given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", CARLA, false, null, TODAY), directory);

        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, CARLA, TODAY)), decision);
    }

    @Test
    void a_new_team_records_details_changed_and_a_new_manager_both_events() {
        Decision decision = given(ANNA_REGISTERED).change(new ChangePerson("data", "ENG", null, false, null, TODAY), directory);

        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "data", "ENG", TODAY),
                new ReportingLineChanged(ANNA, BOB, null, TODAY)), decision);
    }

    @Test
    void a_changed_email_alone_records_details_changed_without_it() {
        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "platform", "ENG", TODAY)),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", BOB, true, null, TODAY), directory));
    }

    @Test
    void a_change_that_changes_nothing_records_nothing() {
        assertEquals(new Decision.Accepted(List.of()),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", BOB, false, null, TODAY), directory));
    }

    @Test
    void ending_employment_records_the_last_day() {
        LocalDate lastDay = LocalDate.parse("2026-12-31");

        assertEquals(Decision.accept(new EmploymentEnded(ANNA, lastDay)),
                given(ANNA_REGISTERED).endEmployment(new EndEmployment(lastDay, TODAY)));
    }

    @Test
    void after_the_last_day_the_entry_no_longer_changes() {
        Person left = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, LocalDate.parse("2026-11-27")));

        assertRejected(left.endEmployment(new EndEmployment(LocalDate.parse("2027-01-31"), TODAY)), "employment-ended", null);
        Decision changed = left.change(new ChangePerson("data", "ENG", BOB, false, null, TODAY), directory);
        assertRejected(changed, "employment-ended", null);
        assertTrue(((Decision.Rejected) changed).rejection().detail().contains("/people/" + ANNA + "/rehire"));
        assertFalse(left.employedOn(TODAY));
        assertTrue(left.employedOn(LocalDate.parse("2026-11-27")));
        assertEquals(2, left.version());
    }

    @Test
    void with_a_future_last_day_they_are_employed_and_may_change_until_it() {
        Person leaving = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, LocalDate.parse("2026-12-31")));

        assertTrue(leaving.employedOn(TODAY));
        assertTrue(leaving.employedOn(LocalDate.parse("2026-12-31")));
        assertFalse(leaving.employedOn(LocalDate.parse("2027-01-01")));
        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "data", "ENG", TODAY)),
                leaving.change(new ChangePerson("data", "ENG", BOB, false, null, TODAY), directory));
    }

    // effective dates

    @Test
    void without_a_date_a_change_takes_effect_today() {
        Decision decision = Person.register(new RegisterPerson(ELSA, null, null, CARLA, null, TODAY), directory);

        assertEquals(TODAY, ((PersonRegistered) accepted(decision).get(0)).effectiveOn());
    }

    @Test
    void a_registration_and_a_change_may_be_back_dated() {
        UUID erik = UUID.randomUUID();
        LocalDate march = LocalDate.parse("2026-03-02");

        assertEquals(Decision.accept(new PersonRegistered(erik, "platform", "ENG", BOB, march)),
                Person.register(new RegisterPerson(erik, "platform", "ENG", BOB, march, TODAY), directory));
        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, CARLA, march)),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", CARLA, false, march, TODAY), directory));
    }

    @Test
    void a_date_after_today_is_refused() {
        LocalDate tomorrow = TODAY.plusDays(1);

        assertRejected(Person.register(new RegisterPerson(UUID.randomUUID(), null, null, null, tomorrow, TODAY), directory),
                "effective-in-the-future", "effectiveOn");
        assertRejected(given(ANNA_REGISTERED).change(new ChangePerson("data", "ENG", BOB, false, tomorrow, TODAY), directory),
                "effective-in-the-future", "effectiveOn");
    }

    @Test
    void a_change_before_the_latest_change_is_refused_on_the_same_day_it_is_not() {
        LocalDate june = LocalDate.parse("2026-06-01");
        Person anna = given(ANNA_REGISTERED, new ReportingLineChanged(ANNA, BOB, CARLA, june));

        assertRejected(anna.change(new ChangePerson("data", "ENG", CARLA, false, june.minusDays(1), TODAY), directory),
                "effective-before-last-change", "effectiveOn");
        assertRejected(given(ANNA_REGISTERED).change(new ChangePerson("data", "ENG", BOB, false, JAN.minusDays(1), TODAY),
                directory), "effective-before-last-change", "effectiveOn");
        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "data", "ENG", june)),
                anna.change(new ChangePerson("data", "ENG", CARLA, false, june, TODAY), directory));
    }

    @Test
    void an_old_event_without_a_date_counts_from_the_day_it_occurred() {
        LocalDate recorded = LocalDate.parse("2026-04-01");
        Person anna = Person.replay(List.of(new Person.Recorded(new PersonRegistered(ANNA, null, null, BOB), recorded)));

        assertRejected(anna.change(new ChangePerson("data", null, BOB, false, recorded.minusDays(1), TODAY), directory),
                "effective-before-last-change", "effectiveOn");
        assertEquals(recorded, anna.employedSince());
    }

    @Test
    void the_manager_must_be_employed_on_the_effective_day() {
        LocalDate may = LocalDate.parse("2026-05-04");
        LocalDate november = LocalDate.parse("2026-11-02");

        // Elsa joined in June: not a manager for May; David left in October: not for November, but for May
        assertRejected(Person.register(new RegisterPerson(UUID.randomUUID(), null, null, ELSA, may, TODAY), directory),
                "manager-not-employed", "managerId");
        assertRejected(given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", DAVID, false, november, TODAY),
                directory), "manager-not-employed", "managerId");
        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, DAVID, may)),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", DAVID, false, may, TODAY), directory));
    }

    @Test
    void a_leaver_with_a_future_last_day_may_still_be_named_manager() {
        entries.put(DAVID, new Directory.Entry(DAVID, CARLA, JAN, LocalDate.parse("2026-12-31")));

        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, DAVID, TODAY)),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", DAVID, false, null, TODAY), directory));
    }

    @Test
    void a_last_day_before_the_latest_change_is_refused_a_future_one_is_not() {
        assertRejected(given(ANNA_REGISTERED).endEmployment(new EndEmployment(JAN.minusDays(1), TODAY)),
                "effective-before-last-change", "lastDay");
        assertEquals(Decision.accept(new EmploymentEnded(ANNA, LocalDate.parse("2027-03-31"))),
                given(ANNA_REGISTERED).endEmployment(new EndEmployment(LocalDate.parse("2027-03-31"), TODAY)));
    }

    @Test
    void a_notified_last_day_not_yet_past_is_corrected_earlier_or_later_or_withdrawn() {
        Person notified = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, TODAY));

        assertEquals(Decision.accept(new EmploymentEnded(ANNA, LocalDate.parse("2027-01-31"))),
                notified.endEmployment(new EndEmployment(LocalDate.parse("2027-01-31"), TODAY)));
        assertEquals(Decision.accept(new EmploymentEnded(ANNA, TODAY.minusDays(10))),
                notified.endEmployment(new EndEmployment(TODAY.minusDays(10), TODAY)));
        assertEquals(new Decision.Accepted(List.of()), notified.endEmployment(new EndEmployment(TODAY, TODAY)));
        assertRejected(notified.endEmployment(new EndEmployment(JAN.minusDays(1), TODAY)), "effective-before-last-change",
                "lastDay");
        assertEquals(Decision.accept(new EmploymentEndWithdrawn(ANNA)), notified.withdrawEmploymentEnd(TODAY));

        Person withdrawn = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, TODAY), new EmploymentEndWithdrawn(ANNA));
        assertNull(withdrawn.lastDay());
        assertTrue(withdrawn.employedOn(TODAY.plusDays(400)));
        assertRejected(withdrawn.withdrawEmploymentEnd(TODAY), "no-pending-end", null);
    }

    @Test
    void an_end_that_took_effect_is_neither_corrected_nor_withdrawn() {
        Person left = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, TODAY.minusDays(1)));

        assertRejected(left.endEmployment(new EndEmployment(TODAY.plusDays(5), TODAY)), "employment-ended", null);
        assertRejected(left.withdrawEmploymentEnd(TODAY), "employment-ended", null);
    }

    // rehire

    @Test
    void a_leaver_is_rehired_with_a_new_period_and_their_history_kept() {
        LocalDate lastDay = LocalDate.parse("2026-06-30");
        LocalDate back = LocalDate.parse("2026-09-01");
        Person left = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, lastDay));

        Decision decision = left.rehire(new RehirePerson("data", "DATA", CARLA, back, TODAY), directory);

        assertEquals(Decision.accept(new PersonRehired(ANNA, back, "data", "DATA", CARLA)), decision);
        Person rehired = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, lastDay), accepted(decision).get(0));
        assertTrue(rehired.employedOn(TODAY));
        assertFalse(rehired.employedOn(LocalDate.parse("2026-07-15")));
        assertEquals(3, rehired.version());
        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "platform", "DATA", TODAY)),
                rehired.change(new ChangePerson("platform", "DATA", CARLA, false, null, TODAY), directory));
        assertRejected(rehired.change(new ChangePerson("platform", "DATA", CARLA, false, back.minusDays(1), TODAY),
                directory), "effective-before-last-change", "effectiveOn");
    }

    @Test
    void a_rehire_needs_an_ended_employment_and_a_day_after_it() {
        assertRejected(given(ANNA_REGISTERED).rehire(new RehirePerson(null, null, null, null, TODAY), directory),
                "still-employed", null);
        Person leaving = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, LocalDate.parse("2026-12-31")));
        assertRejected(leaving.rehire(new RehirePerson(null, null, null, null, TODAY), directory), "still-employed", null);

        Person left = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, LocalDate.parse("2026-06-30")));
        assertRejected(left.rehire(new RehirePerson(null, null, null, LocalDate.parse("2026-06-30"), TODAY), directory),
                "effective-before-last-change", "effectiveOn");
        assertRejected(left.rehire(new RehirePerson(null, null, null, TODAY.plusDays(1), TODAY), directory),
                "effective-in-the-future", "effectiveOn");
        assertRejected(left.rehire(new RehirePerson(null, null, ELSA, LocalDate.parse("2026-05-04"), TODAY), directory),
                "effective-before-last-change", "effectiveOn");
        assertRejected(left.rehire(new RehirePerson(null, null, DAVID, TODAY, TODAY), directory),
                "manager-not-employed", "managerId");
    }

    // erasure

    @Test
    void only_a_leaver_whose_last_day_has_passed_is_erased_and_only_once() {
        assertRejected(given(ANNA_REGISTERED).erase(TODAY), "still-employed", null);
        assertRejected(given(ANNA_REGISTERED, new EmploymentEnded(ANNA, TODAY)).erase(TODAY), "still-employed", null);

        Person left = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, TODAY.minusDays(1)));
        assertEquals(Decision.accept(new PersonErased(ANNA)), left.erase(TODAY));

        Person erased = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, TODAY.minusDays(1)), new PersonErased(ANNA));
        assertTrue(erased.erased());
        assertEquals(new Decision.Accepted(List.of()), erased.erase(TODAY), "a second erasure records nothing");
        assertRejected(erased.rehire(new RehirePerson(null, null, null, null, TODAY), directory), "person-erased", null);
        assertEquals(LocalDate.parse("2026-01-05"), erased.employedSince(), "the dates stay");
    }

    private static List<MeetingsEvent> accepted(Decision decision) {
        return assertInstanceOf(Decision.Accepted.class, decision).events();
    }

    private static Person given(MeetingsEvent... history) {
        return Person.from(List.of(history));
    }

    private static UUID id(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix);
    }

    private static void assertRejected(Decision decision, String reason, String field) {
        Rejection rejection = assertInstanceOf(Decision.Rejected.class, decision).rejection();
        assertEquals(reason, rejection.reason());
        assertEquals(field, rejection.field());
    }
}
