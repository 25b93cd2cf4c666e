package dev.oneonone.meetings.application.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's entry as a client sends it: the contact details kept in the read model, and the
 * team, department and manager that go into events. Blank team or department means none.
 *
 * @param effectiveOn the organisation's calendar day the entry takes effect; null: today in its time zone
 */
public record PersonEntry(String name, String email, String team, String department, UUID managerId,
        LocalDate effectiveOn) {
    public PersonEntry {
        name = name == null ? null : name.trim();
        email = email == null ? null : email.trim();
        team = team == null || team.isBlank() ? null : team.trim();
        department = department == null || department.isBlank() ? null : department.trim();
    }
}
