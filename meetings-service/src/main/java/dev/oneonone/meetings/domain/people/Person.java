package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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

/**
 * A person of the organisation's directory: team, department, manager and employment periods. Every change
 * takes effect on a day of the organisation's calendar (today unless given): never after today (only a last day
 * may be in the future), never before the person's latest effective date, and the manager must be in the directory
 * on that day. A person is employed up to and including their last day; a rehire opens a new period.
 * Reporting lines are checked against the {@link Directory}; {@link #apply} never fails.
 */
public final class Person {
    public static final String EFFECTIVE_ON = "effectiveOn";
    public static final String LAST_DAY = "lastDay";

    /** A past event with the organisation's day it occurred, for events recorded before effective dates existed. */
    public record Recorded(MeetingsEvent event, LocalDate occurredOn) {
    }

    private UUID id;
    private String team;
    private String department;
    private UUID managerId;
    private LocalDate employedSince;
    private LocalDate lastDay;
    private LocalDate lastEffectiveOn;
    private boolean erased;
    private long version;

    private Person() {
    }

    /** Rebuilds a person from their history, oldest first (events without a date are taken as of an unknown day). */
    public static Person from(List<? extends MeetingsEvent> history) {
        Person person = new Person();
        history.forEach(event -> person.apply(event, null));
        return person;
    }

    /** Rebuilds a person from their stored history, oldest first. */
    public static Person replay(List<Recorded> history) {
        Person person = new Person();
        history.forEach(recorded -> person.apply(recorded.event(), recorded.occurredOn()));
        return person;
    }

    public static Decision register(RegisterPerson command, Directory directory) {
        LocalDate on = command.effectiveOn() != null ? command.effectiveOn() : command.today();
        if (on.isAfter(command.today())) {
            return Decision.reject(inTheFuture(on));
        }
        Rejection refused = ReportingLines.check(command.personId(), command.managerId(), directory, on);
        if (refused != null) {
            return Decision.reject(refused);
        }
        return Decision.accept(new PersonRegistered(command.personId(), command.team(), command.department(),
                command.managerId(), on));
    }

    /** Records only what changed; a change that changes nothing records nothing. */
    public Decision change(ChangePerson command, Directory directory) {
        LocalDate on = command.effectiveOn() != null ? command.effectiveOn() : command.today();
        if (lastDay != null && on.isAfter(lastDay)) {
            return Decision.reject(employmentEnded());
        }
        Rejection refused = checkDate(on, command.today());
        if (refused != null) {
            return Decision.reject(refused);
        }
        List<MeetingsEvent> events = new ArrayList<>();
        if (command.contactChanged() || !Objects.equals(team, command.team())
                || !Objects.equals(department, command.department())) {
            events.add(new PersonDetailsChanged(id, command.team(), command.department(), on));
        }
        if (!Objects.equals(managerId, command.managerId())) {
            refused = ReportingLines.check(id, command.managerId(), directory, on);
            if (refused != null) {
                return Decision.reject(refused);
            }
            events.add(new ReportingLineChanged(id, managerId, command.managerId(), on));
        }
        return new Decision.Accepted(events);
    }

    /**
     * The last day may be in the future (a notified leave), but not before the person's latest change. A notified
     * last day not yet past (today up to and including it) is corrected by a new one, earlier or later; the same day
     * again records nothing.
     */
    public Decision endEmployment(EndEmployment command) {
        if (lastDay != null && lastDay.isBefore(command.today())) {
            return Decision.reject(Rejection.of("employment-ended", "This person's employment ended on "
                    + lastDay + "; to bring them back after it, use POST /people/" + id + "/rehire."));
        }
        if (lastEffectiveOn != null && command.lastDay().isBefore(lastEffectiveOn)) {
            return Decision.reject(Rejection.ofField(LAST_DAY, "effective-before-last-change", "The last day "
                    + command.lastDay() + " is before this person's latest change, effective on " + lastEffectiveOn + "."));
        }
        if (command.lastDay().equals(lastDay)) {
            return new Decision.Accepted(List.of());
        }
        return Decision.accept(new EmploymentEnded(id, command.lastDay()));
    }

    /** Withdraws a notified end that has not taken effect yet (today is at most the last day). */
    public Decision withdrawEmploymentEnd(LocalDate today) {
        if (lastDay == null) {
            return Decision.reject(Rejection.of("no-pending-end", "No end of employment is recorded for this person."));
        }
        if (lastDay.isBefore(today)) {
            return Decision.reject(Rejection.of("employment-ended", "This person's employment ended on " + lastDay
                    + "; it can no longer be withdrawn. To bring them back, use POST /people/" + id + "/rehire."));
        }
        return Decision.accept(new EmploymentEndWithdrawn(id));
    }

    /** A new employment period for a leaver, from a day after their last day, with their history kept. */
    public Decision rehire(RehirePerson command, Directory directory) {
        if (erased) {
            return Decision.reject(Rejection.of("person-erased", "This person's data was erased; register them anew "
                    + "with a new id."));
        }
        Rejection employed = stillEmployed(command.today());
        if (employed != null) {
            return Decision.reject(employed);
        }
        LocalDate on = command.effectiveOn() != null ? command.effectiveOn() : command.today();
        if (on.isAfter(command.today())) {
            return Decision.reject(inTheFuture(on));
        }
        if (!on.isAfter(lastDay)) {
            return Decision.reject(Rejection.ofField(EFFECTIVE_ON, "effective-before-last-change",
                    "A rehire takes effect after the last day of the previous employment, " + lastDay + "."));
        }
        Rejection refused = ReportingLines.check(id, command.managerId(), directory, on);
        if (refused != null) {
            return Decision.reject(refused);
        }
        return Decision.accept(new PersonRehired(id, on, command.team(), command.department(), command.managerId()));
    }

    /**
     * Erases the person's personal data (the right to erasure): only once their employment has ended (their last day
     * has passed), so that nobody erases a colleague still at work and no later change names them again. A person
     * already erased records nothing, so a repeated request answers the same.
     */
    public Decision erase(LocalDate today) {
        if (erased) {
            return new Decision.Accepted(List.of());
        }
        Rejection employed = stillEmployed(today);
        if (employed != null) {
            return Decision.reject(Rejection.of("still-employed", "Only a person whose employment has ended is erased: "
                    + (lastDay == null ? "record their last day first (POST /people/" + id + "/employment-end)."
                            : "they are employed until " + lastDay + "; erase them from the day after.")));
        }
        return Decision.accept(new PersonErased(id));
    }

    /** Whether the person's personal data was erased. */
    public boolean erased() {
        return erased;
    }

    /** Why this person cannot be rehired today (their employment has not ended), or null when they can. */
    public Rejection stillEmployed(LocalDate today) {
        if (lastDay != null && lastDay.isBefore(today)) {
            return null;
        }
        return Rejection.of("still-employed", lastDay == null
                ? "This person's employment has not ended; change their entry with PUT /people/" + id + "."
                : "This person is employed until " + lastDay + "; they can be rehired from the day after.");
    }

    public void apply(MeetingsEvent event) {
        apply(event, null);
    }

    private void apply(MeetingsEvent event, LocalDate occurredOn) {
        if (event instanceof PersonRegistered registered) {
            id = registered.personId();
            team = registered.team();
            department = registered.department();
            managerId = registered.managerId();
            employedSince = dayOf(registered.effectiveOn(), occurredOn);
            lastEffectiveOn = employedSince;
        } else if (event instanceof PersonDetailsChanged changed) {
            team = changed.team();
            department = changed.department();
            lastEffectiveOn = later(lastEffectiveOn, dayOf(changed.effectiveOn(), occurredOn));
        } else if (event instanceof ReportingLineChanged changed) {
            managerId = changed.managerId();
            lastEffectiveOn = later(lastEffectiveOn, dayOf(changed.effectiveOn(), occurredOn));
        } else if (event instanceof EmploymentEnded ended) {
            lastDay = ended.lastDay();
        } else if (event instanceof EmploymentEndWithdrawn) {
            lastDay = null;
        } else if (event instanceof PersonErased) {
            erased = true;
        } else if (event instanceof PersonRehired rehired) {
            team = rehired.team();
            department = rehired.department();
            managerId = rehired.managerId();
            employedSince = rehired.effectiveOn();
            lastEffectiveOn = rehired.effectiveOn();
            lastDay = null;
        }
        version++;
    }

    private Rejection checkDate(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            return inTheFuture(on);
        }
        if (lastEffectiveOn != null && on.isBefore(lastEffectiveOn)) {
            return Rejection.ofField(EFFECTIVE_ON, "effective-before-last-change", "This person's latest change takes "
                    + "effect on " + lastEffectiveOn + "; a change cannot take effect before it.");
        }
        return null;
    }

    private static Rejection inTheFuture(LocalDate on) {
        return Rejection.ofField(EFFECTIVE_ON, "effective-in-the-future",
                on + " is after today in the organisation's time zone; only a last day may be in the future.");
    }

    private Rejection employmentEnded() {
        return Rejection.of("employment-ended", "This person's employment ended on " + lastDay
                + "; their entry no longer changes after it. To bring them back, use POST /people/" + id + "/rehire.");
    }

    /** The payload's date, else (events recorded before effective dates) the day it occurred. */
    private static LocalDate dayOf(LocalDate effectiveOn, LocalDate occurredOn) {
        return effectiveOn != null ? effectiveOn : occurredOn;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    public UUID id() {
        return id;
    }

    public UUID managerId() {
        return managerId;
    }

    /** The first day of the current employment (null for an old registration replayed without its day). */
    public LocalDate employedSince() {
        return employedSince;
    }

    /** The last day of the current employment, or null while no end is recorded. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** Whether they are in the directory on {@code day}. */
    public boolean employedOn(LocalDate day) {
        return new Directory.Entry(id, managerId, employedSince, lastDay).employedOn(day);
    }

    public long version() {
        return version;
    }
}
