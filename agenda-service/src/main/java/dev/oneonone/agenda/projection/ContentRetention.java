package dev.oneonone.agenda.projection;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How long an organisation keeps 1:1 content after a series ends (table content_retention). */
@Entity
@Table(name = "content_retention")
public class ContentRetention extends PanacheEntityBase {
    @Id
    public String organisationId;
    /** Days after a series' end; null keeps the content as long as the series. */
    public Integer contentRetentionDays;
    public Instant changedAt;
}
