package dev.oneonone.agenda.projection;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What agenda-service knows of a series: who its two participants are. */
@Entity
@Table(name = "known_series")
public class KnownSeries extends PanacheEntityBase {
    @Id
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "leader_id")
    public UUID leaderId;
    @Column(name = "companion_id")
    public UUID companionId;
}
