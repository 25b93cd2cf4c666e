package dev.oneonone.agenda.application.templates;

import dev.oneonone.events.agenda.TopicKind;

/** One question of an agenda template: it becomes a topic (its text the title) when the template is applied. */
public record TemplateQuestion(String text, TopicKind kind, boolean askOtherSideToPrepare) {
}
