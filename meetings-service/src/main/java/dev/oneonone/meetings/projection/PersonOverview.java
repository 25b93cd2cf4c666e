package dev.oneonone.meetings.projection;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read model row: a person of the directory as the API shows it, with the contact details no event carries.
 * Whether they are employed is a question of the day ({@link #employedOn}); no stored flag goes stale.
 */
@Entity
@Table(name = "person_overview")
public class PersonOverview extends PanacheEntityBase {
    /** A query condition: employed on {@code :today} (employment never starts after today). */
    public static final String EMPLOYED_ON_TODAY = "(lastDay is null or lastDay >= :today)";

    @Id
    public UUID personId;
    public String organisationId;
    public String name;
    public String email;
    public String team;
    public String department;
    public UUID managerId;
    /** The first day of the current employment period. */
    public LocalDate employedSince;
    /** The last day of the current employment period, or null while no end is recorded. */
    public LocalDate lastDay;
    public long version;
    /** When their personal data was erased (PersonErased), or null. */
    public java.time.Instant erasedAt;

    /** The name an erased person's entry shows. */
    public static final String ERASED_NAME = "(erased)";

    /** The address an erased person's entry shows: unique, and in a domain that never delivers (RFC 2606 .invalid). */
    public static String erasedEmail(UUID personId) {
        return "erased-" + personId + "@erased.invalid";
    }

    /** Whether they are in the directory on {@code day}: from their first day up to and including their last. */
    public boolean employedOn(LocalDate day) {
        return (employedSince == null || !day.isBefore(employedSince)) && (lastDay == null || !day.isAfter(lastDay));
    }
}
