package dev.oneonone.agenda.application.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.TopicKind;

/**
 * The first-meeting template agenda-service brings along: what two people agree on when they start
 * meeting one to one (confidentiality, format, expectations, cadence). It applies to the first meeting of
 * every new series unless the organisation marked one of its own templates as its first-meeting template.
 */
public final class BuiltInTemplate {
    /** A fixed id (a name-based UUID), so that the built-in template can be read and applied like any other. */
    public static final UUID ID = UUID.fromString("7c079a41-07a5-3f54-a302-137107d9b2e6");

    public static final Template FIRST_MEETING = new Template(ID, "First meeting of a 1:1 series", true, true, 1,
            List.of(
                    new TemplateQuestion("Confidentiality: what stays between the two of us, and when would either "
                            + "of us pass something on, and to whom?", TopicKind.PERSONAL, true),
                    new TemplateQuestion("Format: whose topics go first, where do we collect them between meetings, "
                            + "and who writes down what we agree?", TopicKind.PLANNING, true),
                    new TemplateQuestion("Expectations: what do you want out of these meetings, and what should "
                            + "each of us be able to count on from the other?", TopicKind.FEEDBACK, true),
                    new TemplateQuestion("Cadence: how often and how long do we meet, and when do we look at that "
                            + "again?", TopicKind.PLANNING, true),
                    new TemplateQuestion("Working together: how do you like to receive feedback, and what should "
                            + "I know about how you work best?", TopicKind.FEEDBACK, true)),
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));

    private BuiltInTemplate() {
    }
}
