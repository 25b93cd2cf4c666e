package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A topic that must move on from a meeting that ended, while its series has no next meeting yet;
 * it is carried over as soon as one is scheduled.
 */
@Entity
@Table(name = "waiting_topic")
public class WaitingTopic extends PanacheEntityBase {
    @Id
    @Column(name = "topic_id")
    public UUID topicId;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "from_meeting_id")
    public UUID fromMeetingId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "waiting_since")
    public Instant waitingSince;
}
