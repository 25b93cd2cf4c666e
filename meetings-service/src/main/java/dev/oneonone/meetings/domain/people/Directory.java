package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The part of an organisation's directory a reporting-line decision needs: who reports to whom,
 * and when each person's current employment runs. The service loads it; the domain only reads it.
 */
@FunctionalInterface
public interface Directory {

    /**
     * A person as the directory knows them.
     *
     * @param employedSince the first day of their current employment (null: unknown, taken as always)
     * @param lastDay       their last day, or null while no end is recorded
     */
    record Entry(UUID personId, UUID managerId, LocalDate employedSince, LocalDate lastDay) {

        /** Whether they are in the directory on {@code day}: from their first day up to and including their last. */
        public boolean employedOn(LocalDate day) {
            return (employedSince == null || !day.isBefore(employedSince)) && (lastDay == null || !day.isAfter(lastDay));
        }
    }

    /** The person's entry, or null when nobody with that id is in the organisation. */
    Entry find(UUID personId);

    static Directory of(Map<UUID, Entry> entries) {
        return entries::get;
    }
}
