package dev.oneonone.agenda.application.templates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.agenda.application.RejectedException;
import dev.oneonone.agenda.domain.Rejection;
import dev.oneonone.kit.input.StrictJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.NotFoundException;

/**
 * The agenda templates of each organisation, and its built-in first-meeting template. At most one template
 * of an organisation is its first-meeting template: marking another one moves the mark. Call inside a
 * reactive transaction (or session, for reads).
 */
@ApplicationScoped
public class Templates {
    public static final String BUILT_IN_TEMPLATE = "built-in-template";
    public static final String TEMPLATE_CHANGED = "template-changed";
    /** How the questions are stored: a JSON object, as the reactive driver reads jsonb objects (not arrays) into strings. */
    record StoredQuestions(List<TemplateQuestion> questions) {
    }

    private final ObjectMapper mapper;
    private final Clock clock;

    public Templates(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What a template holds, as an organisation defines it. */
    public record Definition(String name, boolean firstMeeting, List<TemplateQuestion> questions) {
    }

    public Uni<Template> create(String organisationId, Definition definition) {
        Instant now = clock.instant();
        AgendaTemplate row = new AgendaTemplate();
        row.templateId = UUID.randomUUID();
        row.organisationId = organisationId;
        row.createdAt = now;
        row.version = 1;
        // unmark the previous first-meeting template before this row is written: the unique index allows one
        return unmarkOthers(organisationId, row.templateId, definition.firstMeeting())
                .chain(() -> {
                    fill(row, definition, now);
                    return row.<AgendaTemplate>persist();
                })
                .map(this::of);
    }

    /** The template (the organisation's own or the built-in one); 404 for any other id. */
    public Uni<Template> get(String organisationId, UUID templateId) {
        if (BuiltInTemplate.ID.equals(templateId)) {
            return Uni.createFrom().item(BuiltInTemplate.FIRST_MEETING);
        }
        return find(organisationId, templateId).map(this::of);
    }

    /** The organisation's own templates, oldest first, after cursor {@code after}, up to {@code limit} + 1. */
    public Uni<List<AgendaTemplate>> list(String organisationId, long after, int limit) {
        return AgendaTemplate.<AgendaTemplate>find("organisationId = ?1 and seq > ?2 order by seq", organisationId, after)
                .page(0, limit + 1).list();
    }

    /** The template the first meeting of the organisation's new series starts from. */
    public Uni<Template> firstMeetingTemplate(String organisationId) {
        return AgendaTemplate.<AgendaTemplate>find("organisationId = ?1 and firstMeeting = true", organisationId)
                .firstResult()
                .map(row -> row == null ? BuiltInTemplate.FIRST_MEETING : of(row));
    }

    public Uni<Template> change(String organisationId, UUID templateId, Integer ifMatch, Definition definition) {
        refuseBuiltIn(templateId);
        return find(organisationId, templateId)
                .invoke(row -> checkIfMatch(row, ifMatch))
                .call(row -> unmarkOthers(organisationId, templateId, definition.firstMeeting()))
                .invoke(row -> {
                    fill(row, definition, clock.instant());
                    row.version++;
                })
                .map(this::of);
    }

    public Uni<Void> delete(String organisationId, UUID templateId, Integer ifMatch) {
        refuseBuiltIn(templateId);
        return find(organisationId, templateId)
                .invoke(row -> checkIfMatch(row, ifMatch))
                .chain(row -> row.delete());
    }

    /** A stored template as the API shows it. */
    public Template of(AgendaTemplate row) {
        try {
            return new Template(row.templateId, row.name, row.firstMeeting, false, row.version,
                    StrictJson.trustedReader(mapper).forType(StoredQuestions.class).<StoredQuestions>readValue(row.questions).questions(), row.createdAt, row.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable questions of template " + row.templateId, e);
        }
    }

    private void fill(AgendaTemplate row, Definition definition, Instant now) {
        row.name = definition.name();
        row.firstMeeting = definition.firstMeeting();
        try {
            row.questions = mapper.writeValueAsString(new StoredQuestions(definition.questions()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store template questions", e);
        }
        row.updatedAt = now;
    }

    private static Uni<AgendaTemplate> find(String organisationId, UUID templateId) {
        return AgendaTemplate.<AgendaTemplate>find("templateId = ?1 and organisationId = ?2", templateId, organisationId)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No template " + templateId));
    }

    private Uni<Integer> unmarkOthers(String organisationId, UUID keep, boolean marking) {
        if (!marking) {
            return Uni.createFrom().item(0);
        }
        return AgendaTemplate.update("firstMeeting = false, version = version + 1, updatedAt = ?1 "
                + "where organisationId = ?2 and firstMeeting = true and templateId <> ?3", clock.instant(),
                organisationId, keep);
    }

    private static void checkIfMatch(AgendaTemplate row, Integer ifMatch) {
        if (ifMatch != null && ifMatch != row.version) {
            throw new RejectedException(Rejection.of(TEMPLATE_CHANGED, "The template is at version " + row.version
                    + ", not " + ifMatch + ": read it again and retry."));
        }
    }

    private static void refuseBuiltIn(UUID templateId) {
        if (BuiltInTemplate.ID.equals(templateId)) {
            throw new RejectedException(Rejection.of(BUILT_IN_TEMPLATE,
                    "The built-in first-meeting template cannot be changed or deleted; define your own and mark it "
                            + "as the first-meeting template instead."));
        }
    }
}
