package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One topic of a meeting's agenda: its text (which no event carries) and where it stands. Written in
 * the same transaction as the agenda's events.
 */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {
    @Id
    public UUID topicId;
    public UUID meetingId;
    public String organisationId;
    public UUID authorId;
    public String authorRole;
    public String kind;
    public String title;
    public String details;
    public boolean askToPrepare;
    /** The version of the agenda's TopicAdded (or TopicCarriedOver) event, i.e. the order of arriving. */
    public int position;
    public boolean discussed;
    public Instant addedAt;
    /** How many times it moved to a later meeting; 0 for a topic still on the agenda it was added to. */
    public int timesCarried;
    /** The meeting it was carried over from last, or null. */
    public UUID carriedFromMeetingId;
    /** When its title and details were deleted (retention), or null while they are kept. */
    public Instant contentDeletedAt;
}
