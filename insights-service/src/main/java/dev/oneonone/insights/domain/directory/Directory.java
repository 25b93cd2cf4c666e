package dev.oneonone.insights.domain.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation's directory as it was on one date: the people employed that day, whom each
 * reported to, and their team and department. Built once per date and read many times by the rollups.
 */
public final class Directory {
    /** One person on the date; {@code managerId} is null when they reported to nobody still employed. */
    public record Person(UUID personId, UUID managerId, String team, String department) {
    }

    private final Map<UUID, Person> people;
    private final Map<UUID, List<UUID>> reportsByManager = new HashMap<>();

    public Directory(Collection<Person> employed) {
        Map<UUID, Person> byId = new HashMap<>();
        employed.forEach(person -> byId.put(person.personId(), person));
        // a manager who is not in the directory that day (left, or never registered) is no manager
        Map<UUID, Person> resolved = new HashMap<>();
        byId.values().forEach(person -> resolved.put(person.personId(),
                person.managerId() == null || byId.containsKey(person.managerId()) ? person
                        : new Person(person.personId(), null, person.team(), person.department())));
        this.people = Map.copyOf(resolved);
        people.values().stream().filter(p -> p.managerId() != null)
                .forEach(p -> reportsByManager.computeIfAbsent(p.managerId(), m -> new ArrayList<>()).add(p.personId()));
    }

    public Person person(UUID personId) {
        return people.get(personId);
    }

    public Collection<Person> people() {
        return people.values();
    }

    public int size() {
        return people.size();
    }

    public List<UUID> directReports(UUID managerId) {
        return reportsByManager.getOrDefault(managerId, List.of());
    }

    /** Everyone below the person in the reporting lines of the date, not the person themselves. */
    public Set<UUID> subtree(UUID directorId) {
        Set<UUID> found = new LinkedHashSet<>();
        Deque<UUID> next = new ArrayDeque<>(directReports(directorId));
        while (!next.isEmpty()) {
            UUID person = next.pop();
            if (!person.equals(directorId) && found.add(person)) {
                next.addAll(directReports(person));
            }
        }
        return found;
    }
}
