package dev.oneonone.meetings.projection;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read model row: a cadence of a series from the day it took effect (the start, or a cadence change), with the day its
 * slots are in phase with (null: the first preferred weekday from {@code effectiveOn}). See domain {@code PlannedSlots}.
 */
@Entity
@Table(name = "series_rhythm")
public class SeriesRhythm extends PanacheEntityBase {
    /** The id of the SeriesStarted or CadenceChanged event that recorded it. */
    @Id
    public UUID rhythmId;
    public UUID seriesId;
    /** The series' version at that event: the order of rhythms taking effect on the same day. */
    public long recordedVersion;
    public LocalDate effectiveOn;
    public String cadence;
    public LocalDate anchorOn;
}
