package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "topic_id")
    public UUID topicId;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "author_id")
    public UUID authorId;
    @Column(name = "author_role")
    public String authorRole;
    public String kind;
    public String title;
    public String details;
    @Column(name = "ask_to_prepare")
    public boolean askToPrepare;
    /** The version of the agenda's TopicAdded (or TopicCarriedOver) event, i.e. the order of arriving. */
    public int position;
    public boolean discussed;
    @Column(name = "added_at")
    public Instant addedAt;
    /** How many times it moved to a later meeting; 0 for a topic still on the agenda it was added to. */
    @Column(name = "times_carried")
    public int timesCarried;
    /** The meeting it was carried over from last, or null. */
    @Column(name = "carried_from_meeting_id")
    public UUID carriedFromMeetingId;
}
