package dev.oneonone.insights.domain.rollup;

import java.util.Set;
import java.util.UUID;

/**
 * Whose figures a caller may see: HR and integrations the whole organisation; a director the people
 * in their reporting subtree on the date (and, for looking up a rollup, themselves).
 */
public record Visibility(UUID viewer, Set<UUID> people) {
    public static final Visibility WHOLE_ORGANISATION = new Visibility(null, null);

    public boolean wholeOrganisation() {
        return people == null;
    }

    public boolean sees(UUID personId) {
        return people == null || people.contains(personId);
    }

    /** True when the caller may ask for the rollup of this manager or director. */
    public boolean mayLookUp(UUID personId) {
        return sees(personId) || personId.equals(viewer);
    }
}
