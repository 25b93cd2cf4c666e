package dev.oneonone.meetings.application.calendar;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A calendar feed: who or what it covers, and the SHA-256 of its secret (the secret itself is never stored). */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {
    @Id
    public UUID feedId;
    public String organisationId;
    public String secretSha256;
    /** The person whose series the feed covers; for a series feed, the person who created it (or null). */
    public UUID personId;
    /** Set for a feed of one series. */
    public UUID seriesId;
    public Instant createdAt;
    public Instant revokedAt;
}
