package dev.oneonone.meetings.projection;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model row: a person of the directory as the API shows it, with the contact details no event carries. */
@Entity
@Table(name = "person_overview")
public class PersonOverview extends PanacheEntityBase {
    @Id
    public UUID personId;
    public String organisationId;
    public String name;
    public String email;
    public String team;
    public String department;
    public UUID managerId;
    public boolean employed;
    public LocalDate lastDay;
    public long version;
}
