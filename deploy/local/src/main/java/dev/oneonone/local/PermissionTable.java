package dev.oneonone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The permission table of docs/security.md, read so that every cell becomes a test: the rules are
 * written down once, and the tests fail when the services and the document disagree.
 */
public final class PermissionTable {
    private static final Pattern CELL = Pattern.compile("(allowed|denied) \\((\\d{3})(?:, (listed|not listed))?\\)");
    private static final int FIRST_ACTOR_COLUMN = 4;

    /** One row: an action on a kind of object, and what each actor gets. */
    public record Rule(String service, String object, String action, String method, String path,
            Map<String, Expectation> expectations) {
        public String name() {
            return object + " " + action + " (" + method + " " + path + ")";
        }
    }

    /**
     * What an actor gets.
     *
     * @param listed for lists, whether the object appears; null for other actions
     */
    public record Expectation(boolean allowed, int status, Boolean listed) {
    }

    private PermissionTable() {
    }

    /**
     * The bearer token of an actor of the table (a column name), relative to a series of
     * {@code organisation} in which {@code participant} takes part; null for "no token".
     */
    public static String tokenOf(String actor, String organisation, UUID participant) {
        LocalSigningKey key = SuiteInfrastructure.signingKey();
        Duration lifetime = Duration.ofMinutes(10);
        return switch (actor) {
            case "no token" -> null;
            case "participant" -> key.mint(organisation, participant.toString(), List.of("person"), lifetime);
            case "other person" -> key.mint(organisation, UUID.randomUUID().toString(), List.of("person"), lifetime);
            case "integration" -> key.mint(organisation, "integration-" + organisation, List.of("integration"), lifetime);
            case "director" -> key.mint(organisation, UUID.randomUUID().toString(), List.of("director"), lifetime);
            case "hr" -> key.mint(organisation, UUID.randomUUID().toString(), List.of("hr"), lifetime);
            case "other organisation" -> key.mint(organisation + "-other", participant.toString(), List.of("person"), lifetime);
            default -> throw new IllegalArgumentException("No such actor in the permission table: " + actor);
        };
    }

    /** The rows of one service, from docs/security.md found above the working directory. */
    public static List<Rule> of(String service) {
        return read(locate()).stream().filter(rule -> rule.service().equals(service)).toList();
    }

    static Path locate() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path document = folder.resolve("docs/security.md");
            if (Files.isRegularFile(document)) {
                return document;
            }
        }
        throw new IllegalStateException("docs/security.md not found above " + Path.of("").toAbsolutePath());
    }

    static List<Rule> read(Path document) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| service | object | action | request |")) {
                header = i;
            }
        }
        if (header < 0) {
            throw new IllegalStateException("No permission table in " + document);
        }
        List<String> actors = cells(lines.get(header)).subList(FIRST_ACTOR_COLUMN, cells(lines.get(header)).size());
        List<Rule> rules = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            String[] request = cells.get(3).split(" ", 2);
            Map<String, Expectation> expectations = new LinkedHashMap<>();
            for (int a = 0; a < actors.size(); a++) {
                expectations.put(actors.get(a), expectation(cells.get(FIRST_ACTOR_COLUMN + a), lines.get(i)));
            }
            rules.add(new Rule(cells.get(0), cells.get(1), cells.get(2), request[0], request[1], expectations));
        }
        return rules;
    }

    private static Expectation expectation(String cell, String line) {
        Matcher matcher = CELL.matcher(cell);
        if (!matcher.matches()) {
            throw new IllegalStateException("Unreadable cell '" + cell + "' in: " + line);
        }
        Boolean listed = matcher.group(3) == null ? null : matcher.group(3).equals("listed");
        return new Expectation(matcher.group(1).equals("allowed"), Integer.parseInt(matcher.group(2)), listed);
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|")).map(String::trim).toList();
    }
}
