package dev.oneonone.meetings.application.calendar;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A calendar feed: who or what it covers, and the SHA-256 of its secret (the secret itself is never stored). */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {
    @Id
    @Column(name = "feed_id")
    public UUID feedId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "secret_sha256")
    public String secretSha256;
    /** The person whose series the feed covers; for a series feed, the person who created it (or null). */
    @Column(name = "person_id")
    public UUID personId;
    /** Set for a feed of one series. */
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
