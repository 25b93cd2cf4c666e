package dev.oneonone.meetings.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: one period in which a person reported to a manager; {@code toTime} null while it lasts. */
@Entity
@Table(name = "reporting_line")
public class ReportingLine extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID personId;
    public String organisationId;
    public UUID managerId;
    public Instant fromTime;
    public Instant toTime;
}
