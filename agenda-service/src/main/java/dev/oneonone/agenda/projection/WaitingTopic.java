package dev.oneonone.agenda.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public UUID topicId;
    public UUID seriesId;
    public UUID fromMeetingId;
    public String organisationId;
    public Instant waitingSince;
}
