package dev.oneonone.meetings.application.directory;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The display name of a team or department of an organisation. Free text, so it is kept in meetings-service only and
 * never published: events carry the codes alone. Not an event-sourced read model; a projection rebuild leaves it be.
 */
@Entity
@Table(name = "group_name")
@IdClass(GroupName.Key.class)
public class GroupName extends PanacheEntityBase {
    @Id
    public String organisationId;
    @Id
    public String kind;
    @Id
    public String code;
    public String name;
    public Instant changedAt;

    /** The primary key: organisation, kind ({@code team} or {@code department}) and code. */
    public static class Key implements Serializable {
        public String organisationId;
        public String kind;
        public String code;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(organisationId, key.organisationId)
                    && Objects.equals(kind, key.kind) && Objects.equals(code, key.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, kind, code);
        }
    }
}
