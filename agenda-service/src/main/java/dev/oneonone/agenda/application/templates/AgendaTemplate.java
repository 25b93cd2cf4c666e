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
    @Column(name = "template_id")
    public UUID templateId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "organisation_id")
    public String organisationId;
    public String name;
    @Column(name = "first_meeting")
    public boolean firstMeeting;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String questions;
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
