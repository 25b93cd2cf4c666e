package dev.oneonone.meetings.domain.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;

/**
 * A person of the organisation's directory: team, department, manager and employment. Reporting
 * lines are checked against the {@link Directory}; {@link #apply} never fails.
 */
public final class Person {
    private UUID id;
    private String team;
    private String department;
    private UUID managerId;
    private boolean employed;
    private long version;

    private Person() {
    }

    /** Rebuilds a person from their history, oldest first. */
    public static Person from(List<? extends MeetingsEvent> history) {
        Person person = new Person();
        history.forEach(person::apply);
        return person;
    }

    public static Decision register(RegisterPerson command, Directory directory) {
        Rejection refused = ReportingLines.check(command.personId(), command.managerId(), directory);
        if (refused != null) {
            return Decision.reject(refused);
        }
        return Decision.accept(new PersonRegistered(command.personId(), command.team(), command.department(),
                command.managerId()));
    }

    /** Records only what changed; a change that changes nothing records nothing. */
    public Decision change(ChangePerson command, Directory directory) {
        if (!employed) {
            return Decision.reject(employmentEnded());
        }
        List<MeetingsEvent> events = new ArrayList<>();
        if (command.contactChanged() || !Objects.equals(team, command.team())
                || !Objects.equals(department, command.department())) {
            events.add(new PersonDetailsChanged(id, command.team(), command.department()));
        }
        if (!Objects.equals(managerId, command.managerId())) {
            Rejection refused = ReportingLines.check(id, command.managerId(), directory);
            if (refused != null) {
                return Decision.reject(refused);
            }
            events.add(new ReportingLineChanged(id, managerId, command.managerId()));
        }
        return new Decision.Accepted(events);
    }

    public Decision endEmployment(EndEmployment command) {
        if (!employed) {
            return Decision.reject(employmentEnded());
        }
        return Decision.accept(new EmploymentEnded(id, command.lastDay()));
    }

    public void apply(MeetingsEvent event) {
        if (event instanceof PersonRegistered registered) {
            id = registered.personId();
            team = registered.team();
            department = registered.department();
            managerId = registered.managerId();
            employed = true;
        } else if (event instanceof PersonDetailsChanged changed) {
            team = changed.team();
            department = changed.department();
        } else if (event instanceof ReportingLineChanged changed) {
            managerId = changed.managerId();
        } else if (event instanceof EmploymentEnded) {
            employed = false;
        }
        version++;
    }

    private static Rejection employmentEnded() {
        return Rejection.of("employment-ended", "This person's employment has ended; their entry no longer changes.");
    }

    public UUID id() {
        return id;
    }

    public UUID managerId() {
        return managerId;
    }

    public boolean employed() {
        return employed;
    }

    public long version() {
        return version;
    }
}
