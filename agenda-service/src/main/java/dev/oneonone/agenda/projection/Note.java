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
    @Column(name = "note_id")
    public UUID noteId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "organisation_id")
    public String organisationId;
    public String visibility;
    @Column(name = "author_id")
    public UUID authorId;
    @Column(name = "author_role")
    public String authorRole;
    public String text;
    public int revision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by_role")
    public String updatedByRole;
}
