package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A note on a meeting as it stands now: its text (which no event carries), who may read it and its
 * revision. Written in the same transaction as the agenda's NoteWritten event.
 */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {
    @Id
    public UUID noteId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    public UUID meetingId;
    public String organisationId;
    public String visibility;
    public UUID authorId;
    public String authorRole;
    public String text;
    public int revision;
    public Instant createdAt;
    public Instant updatedAt;
    public String updatedByRole;
    /** When its text (and every revision's) was deleted (retention), or null while it is kept. */
    public Instant contentDeletedAt;
}
