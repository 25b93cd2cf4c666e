package dev.oneonone.agenda.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.application.templates.Template;
import dev.oneonone.agenda.application.templates.TemplateQuestion;
import dev.oneonone.agenda.application.templates.Templates;
import dev.oneonone.events.agenda.TopicKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the template endpoints: what is sent and what is answered. */
public final class TemplateBodies {
    static final int MAX_QUESTIONS = 30;
    static final String REQUEST_EXAMPLE = """
            {"name": "Our first 1:1", "firstMeeting": true, "questions": [
              {"text": "What should stay between us, and what may either of us share?", "kind": "PERSONAL", "askOtherSideToPrepare": true},
              {"text": "How often should we meet, and when do we revisit that?", "kind": "PLANNING", "askOtherSideToPrepare": false}]}""";
    static final String TEMPLATE_EXAMPLE = """
            {"id": "0b6f3c1e-2a4d-4f8e-9c7b-1d2e3f4a5b6c", "name": "Our first 1:1", "firstMeeting": true, "builtIn": false,
             "version": 1, "questions": [
              {"text": "What should stay between us, and what may either of us share?", "kind": "PERSONAL", "askOtherSideToPrepare": true},
              {"text": "How often should we meet, and when do we revisit that?", "kind": "PLANNING", "askOtherSideToPrepare": false}],
             "createdAt": "2026-11-02T08:00:00Z", "updatedAt": "2026-11-02T08:00:00Z"}""";
    static final String PAGE_EXAMPLE = "{\"items\": [" + TEMPLATE_EXAMPLE + "], \"next\": null}";
    static final String APPLICATION_EXAMPLE = """
            {"meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99", "templateId": "0b6f3c1e-2a4d-4f8e-9c7b-1d2e3f4a5b6c",
             "builtIn": false, "topics": [
              {"id": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "title": "What should stay between us, and what may either of us share?",
               "details": null, "kind": "PERSONAL", "authorRole": "LEADER", "askOtherSideToPrepare": true, "discussed": false, "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false}]}""";

    private TemplateBodies() {
    }

    @Schema(name = "TemplateQuestionInput", description = "A question of a template: its text becomes a topic's title.")
    public record QuestionRequest(
            @NotBlank @Size(max = 200) @Schema(required = true, minLength = 1, maxLength = 200,
                    example = "How often should we meet, and when do we revisit that?") String text,
            @NotNull @Schema(required = true, example = "PLANNING") TopicKind kind,
            @Schema(description = "The topic asks the companion to prepare.", defaultValue = "false") boolean askOtherSideToPrepare) {
    }

    @Schema(name = "TemplateInput", description = "An agenda template of the organisation. Mark one as firstMeeting and it "
            + "replaces the built-in first-meeting template for the organisation's new series (marking another moves the mark).")
    public record TemplateRequest(
            @NotBlank @Size(max = 100) @Schema(required = true, minLength = 1, maxLength = 100, example = "Our first 1:1") String name,
            @Schema(defaultValue = "false") boolean firstMeeting,
            @NotNull @Size(min = 1, max = MAX_QUESTIONS) @Schema(required = true, minItems = 1, maxItems = MAX_QUESTIONS)
            List<@Valid @NotNull QuestionRequest> questions) {

        Templates.Definition definition() {
            return new Templates.Definition(name.strip(), firstMeeting, questions.stream()
                    .map(q -> new TemplateQuestion(q.text().strip(), q.kind(), q.askOtherSideToPrepare())).toList());
        }
    }

    @Schema(name = "TemplateQuestion")
    public record QuestionView(
            @Schema(example = "How often should we meet, and when do we revisit that?") String text,
            @Schema(example = "PLANNING") TopicKind kind,
            boolean askOtherSideToPrepare) {
    }

    @Schema(name = "Template", description = "An agenda template: the organisation's own, or the built-in first-meeting "
            + "template (builtIn, read-only). ETag: its version.")
    public record TemplateView(
            @Schema(example = "0b6f3c1e-2a4d-4f8e-9c7b-1d2e3f4a5b6c") UUID id,
            @Schema(example = "Our first 1:1") String name,
            @Schema(description = "Applied to the first meeting of the organisation's new series.") boolean firstMeeting,
            @Schema(description = "agenda-service's own template; cannot be changed or deleted.") boolean builtIn,
            @Schema(example = "1") int version,
            List<QuestionView> questions,
            @Schema(example = "2026-11-02T08:00:00Z") Instant createdAt,
            @Schema(example = "2026-11-02T08:00:00Z") Instant updatedAt) {

        static TemplateView of(Template template) {
            return new TemplateView(template.id(), template.name(), template.firstMeeting(), template.builtIn(),
                    template.version(), template.questions().stream()
                            .map(q -> new QuestionView(q.text(), q.kind(), q.askOtherSideToPrepare())).toList(),
                    template.createdAt(), template.updatedAt());
        }
    }

    @Schema(name = "TemplatePage", description = "One page of the organisation's own templates, oldest first; 'next' is "
            + "the cursor of the following page (pass it as 'after'), null on the last.")
    public record TemplatePage(List<TemplateView> items, @Schema(example = "12", nullable = true) String next) {
    }

    @Schema(name = "TemplateApplication", description = "The topics a template put on a meeting's agenda (authored by "
            + "the leader's side).")
    public record TemplateApplicationView(UUID meetingId, UUID templateId, boolean builtIn, List<TopicView> topics) {
    }
}
