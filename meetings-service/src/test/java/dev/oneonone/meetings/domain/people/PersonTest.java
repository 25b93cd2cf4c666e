package dev.oneonone.meetings.domain.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
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
    private static final PersonRegistered ANNA_REGISTERED = new PersonRegistered(ANNA, "platform", "ENG", BOB);

    /** Carla leads; Bob reports to Carla; Anna reports to Bob; David has left. */
    private final Map<UUID, Directory.Entry> entries = new HashMap<>(Map.of(
            CARLA, new Directory.Entry(CARLA, null, true),
            BOB, new Directory.Entry(BOB, CARLA, true),
            ANNA, new Directory.Entry(ANNA, BOB, true),
            DAVID, new Directory.Entry(DAVID, CARLA, false)));
    private final Directory directory = Directory.of(entries);

    @Test
    void registering_a_person_records_person_registered_without_name_or_email() {
        UUID erik = UUID.randomUUID();

        Decision decision = Person.register(new RegisterPerson(erik, "platform", "ENG", BOB), directory);

        assertEquals(Decision.accept(new PersonRegistered(erik, "platform", "ENG", BOB)), decision);
    }

    @Test
    void a_person_may_have_no_manager() {
        UUID erik = UUID.randomUUID();

        assertEquals(Decision.accept(new PersonRegistered(erik, null, null, null)),
                Person.register(new RegisterPerson(erik, null, null, null), directory));
    }

    @Test
    void the_manager_must_be_in_the_directory() {
        assertRejected(Person.register(new RegisterPerson(UUID.randomUUID(), null, null, NOBODY), directory),
                "unknown-manager", "managerId");
    }

    @Test
    void the_manager_must_still_be_employed() {
        assertRejected(Person.register(new RegisterPerson(UUID.randomUUID(), null, null, DAVID), directory),
                "manager-not-employed", "managerId");
    }

    @Test
    void nobody_is_their_own_manager() {
        assertRejected(given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", ANNA, false), directory),
                "own-manager", "managerId");
    }

    @Test
    void a_manager_cannot_come_to_report_to_someone_below_them() {
        Person carla = given(new PersonRegistered(CARLA, null, null, null));

        // Anna reports to Bob, who reports to Carla: Carla under Anna would close a circle
        assertRejected(carla.change(new ChangePerson(null, null, ANNA, false), directory), "reporting-cycle",
                "managerId");
    }

    @Test
    void a_cycle_elsewhere_in_the_directory_does_not_hang_the_check() {
        UUID x = id("e1");
        UUID y = id("e2");
        entries.put(x, new Directory.Entry(x, y, true));
        entries.put(y, new Directory.Entry(y, x, true));

        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, x)),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", x, false), directory));
    }

    @Test
    void a_new_manager_records_the_reporting_line_with_the_previous_one() {
        Decision decision = given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", CARLA, false), directory);

        assertEquals(Decision.accept(new ReportingLineChanged(ANNA, BOB, CARLA)), decision);
    }

    @Test
    void a_new_team_records_details_changed_and_a_new_manager_both_events() {
        Decision decision = given(ANNA_REGISTERED).change(new ChangePerson("data", "ENG", null, false), directory);

        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "data", "ENG"),
                new ReportingLineChanged(ANNA, BOB, null)), decision);
    }

    @Test
    void a_changed_email_alone_records_details_changed_without_it() {
        assertEquals(Decision.accept(new PersonDetailsChanged(ANNA, "platform", "ENG")),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", BOB, true), directory));
    }

    @Test
    void a_change_that_changes_nothing_records_nothing() {
        assertEquals(new Decision.Accepted(List.of()),
                given(ANNA_REGISTERED).change(new ChangePerson("platform", "ENG", BOB, false), directory));
    }

    @Test
    void ending_employment_records_the_last_day() {
        LocalDate lastDay = LocalDate.parse("2026-12-31");

        assertEquals(Decision.accept(new EmploymentEnded(ANNA, lastDay)),
                given(ANNA_REGISTERED).endEmployment(new EndEmployment(lastDay)));
    }

    @Test
    void after_employment_ended_the_entry_no_longer_changes() {
        Person left = given(ANNA_REGISTERED, new EmploymentEnded(ANNA, LocalDate.parse("2026-12-31")));

        assertRejected(left.endEmployment(new EndEmployment(LocalDate.parse("2027-01-31"))), "employment-ended", null);
        assertRejected(left.change(new ChangePerson("data", "ENG", BOB, false), directory), "employment-ended", null);
        assertEquals(false, left.employed());
        assertEquals(2, left.version());
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
