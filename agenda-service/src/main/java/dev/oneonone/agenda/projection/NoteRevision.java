package dev.oneonone.agenda.projection;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One revision of a note, kept for good: a note's history is every text it ever had. */
@Entity
@Table(name = "note_revision")
@IdClass(NoteRevision.Key.class)
public class NoteRevision extends PanacheEntityBase {
    @Id
    public UUID noteId;
    @Id
    public int revision;
    public String text;
    public UUID writtenBy;
    public String writtenByRole;
    public Instant writtenAt;

    /** The primary key: a note and one of its revisions. */
    public static class Key implements Serializable {
        public UUID noteId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.revision == revision && java.util.Objects.equals(key.noteId, noteId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(noteId, revision);
        }
    }
}
