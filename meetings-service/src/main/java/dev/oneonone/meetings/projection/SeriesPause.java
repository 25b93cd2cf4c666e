package dev.oneonone.meetings.projection;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: one pause of a series as it stands now (cut short by a resume), days in the series' zone, both included. */
@Entity
@Table(name = "series_pause")
public class SeriesPause extends PanacheEntityBase {
    /** The id of the SeriesPaused event that recorded it. */
    @Id
    public UUID pauseId;
    public UUID seriesId;
    public LocalDate fromDay;
    public LocalDate untilDay;
}
