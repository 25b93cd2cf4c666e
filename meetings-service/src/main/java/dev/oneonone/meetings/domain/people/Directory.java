package dev.oneonone.meetings.domain.people;

import java.util.Map;
import java.util.UUID;

/**
 * The part of an organisation's directory a reporting-line decision needs: who reports to whom,
 * and who is still employed. The service loads it; the domain only reads it.
 */
@FunctionalInterface
public interface Directory {

    /** A person as the directory knows them. */
    record Entry(UUID personId, UUID managerId, boolean employed) {
    }

    /** The person's entry, or null when nobody with that id is in the organisation. */
    Entry find(UUID personId);

    static Directory of(Map<UUID, Entry> entries) {
        return entries::get;
    }
}
