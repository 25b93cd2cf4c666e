package dev.oneonone.insights.domain.rollup;

import java.util.Locale;
import java.util.UUID;

/**
 * The group a rollup is about: the organisation, a department or team (by the organisation's code),
 * a manager's series and direct reports, or a director's reporting subtree.
 *
 * @param key the department or team code, or the person id of the manager or director; null for the organisation
 */
public record Scope(Kind kind, String key) {

    public enum Kind {
        ORGANISATION, DEPARTMENT, TEAM, MANAGER, SUBTREE
    }

    public static final Scope ORGANISATION = new Scope(Kind.ORGANISATION, null);

    public static Scope department(String code) {
        return new Scope(Kind.DEPARTMENT, code);
    }

    public static Scope team(String code) {
        return new Scope(Kind.TEAM, code);
    }

    public static Scope manager(UUID personId) {
        return new Scope(Kind.MANAGER, personId.toString());
    }

    public static Scope subtree(UUID directorId) {
        return new Scope(Kind.SUBTREE, directorId.toString());
    }

    /** Team and department figures are withheld for groups under the minimum size. */
    public boolean privacyApplies() {
        return kind == Kind.DEPARTMENT || kind == Kind.TEAM;
    }

    public UUID personId() {
        return UUID.fromString(key);
    }

    /**
     * Reads the text form used by {@code GET /attention?scope=}: {@code organisation},
     * {@code department:<code>}, {@code team:<code>}, {@code manager:<person id>}, {@code subtree:<person id>}.
     *
     * @throws IllegalArgumentException with a message for the caller when the text is not a scope
     */
    public static Scope parse(String text) {
        if (text.equals("organisation")) {
            return ORGANISATION;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "must be organisation, department:<code>, team:<code>, manager:<person id> or subtree:<person id>");
        }
        String kind = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String key = text.substring(colon + 1);
        return switch (kind) {
            case "department" -> department(code(key));
            case "team" -> team(code(key));
            case "manager" -> manager(person(key));
            case "subtree" -> subtree(person(key));
            default -> throw new IllegalArgumentException("unknown scope kind '" + kind
                    + "': use organisation, department, team, manager or subtree");
        };
    }

    private static String code(String key) {
        if (key.length() > 100) {
            throw new IllegalArgumentException("a department or team code has at most 100 characters");
        }
        return key;
    }

    private static UUID person(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "' is not a person id (UUID)");
        }
    }

    @Override
    public String toString() {
        return kind == Kind.ORGANISATION ? "organisation" : kind.name().toLowerCase(Locale.ROOT) + ":" + key;
    }
}
