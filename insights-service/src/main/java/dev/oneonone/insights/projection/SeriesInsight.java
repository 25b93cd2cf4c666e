package dev.oneonone.insights.projection;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Current picture of one series, as the insights read it. */
@Entity
@Table(name = "series_insight")
public class SeriesInsight extends PanacheEntityBase {
    @Id
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "leader_id")
    public UUID leaderId;
    @Column(name = "companion_id")
    public UUID companionId;
    public String relationship;
    public String cadence;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "meetings_scheduled")
    public int meetingsScheduled;
}
