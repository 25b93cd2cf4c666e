package dev.oneonone.agenda.application.templates;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organisation's own agenda template, as stored; its questions are a JSON list of {@link TemplateQuestion}. */
@Entity
@Table(name = "template")
public class AgendaTemplate extends PanacheEntityBase {
    @Id
    public UUID templateId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    public String organisationId;
    public String name;
    public boolean firstMeeting;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String questions;
    public int version;
    public Instant createdAt;
    public Instant updatedAt;
}
