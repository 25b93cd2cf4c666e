package dev.oneonone.agenda.application.templates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.oneonone.agenda.application.topics.AgendaStreams;
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.domain.ApplyTemplate;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.agenda.domain.MeetingStatus;

/**
 * Puts templates' questions on agendas as topics of the leader's side: explicitly, by a participant, and
 * by itself for the first meeting of a new series (the organisation's first-meeting template, else the
 * built-in one). Applying a template to an agenda twice adds nothing the second time. Runs in the caller's
 * transaction; the questions' text goes to the topic table, the events carry ids and kinds only.
 */
@ApplicationScoped
public class TemplateApplications {
    private static final Logger LOG = Logger.getLogger(TemplateApplications.class);

    private final Agendas agendas;
    private final AgendaStreams streams;
    private final Templates templates;
    private final Clock clock;

    public TemplateApplications(Agendas agendas, AgendaStreams streams, Templates templates, Clock clock) {
        this.agendas = agendas;
        this.streams = streams;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * The outcome of applying a template to an agenda.
     *
     * @param created false when the template had already been applied: nothing was added this time
     * @param topics the topics the template put on the agenda (those still on it)
     * @param version the agenda's version afterwards
     */
    public record Application(UUID meetingId, Template template, boolean created, List<Topic> topics, long version) {
    }

    /** A participant applies a template of their organisation (or the built-in one) to a meeting's agenda. */
    public Uni<Application> apply(Caller caller, UUID meetingId, UUID templateId, Long ifMatch) {
        return agendas.access(caller, meetingId).chain(access -> templates.get(caller.organisationId(), templateId)
                .chain(template -> apply(access.meeting(), access.series(), template,
                        access.roleOf(caller.personId()), ifMatch)));
    }

    /**
     * After meetings-service scheduled the first meeting of a series: its agenda starts from the organisation's
     * first-meeting template. Does nothing for other events, unknown series, or a meeting that already started
     * (e.g. imported history), so that the consumer never stops on it.
     */
    public Uni<Void> prepareFirstMeeting(EventEnvelope envelope, MeetingsEvent event) {
        if (!(event instanceof MeetingScheduled scheduled) || !scheduled.firstOfSeries()) {
            return Uni.createFrom().voidItem();
        }
        return KnownMeeting.<KnownMeeting>findById(scheduled.meetingId())
                .chain(meeting -> meeting == null ? Uni.createFrom().nullItem()
                        : KnownSeries.<KnownSeries>findById(meeting.seriesId).chain(series -> {
                            if (series == null || !MeetingStatus.SCHEDULED.name().equals(meeting.status)
                                    || !clock.instant().isBefore(meeting.scheduledFor)) {
                                LOG.debugf("No first-meeting template for meeting %s", scheduled.meetingId());
                                return Uni.createFrom().nullItem();
                            }
                            return templates.firstMeetingTemplate(envelope.organisationId())
                                    .chain(template -> apply(meeting, series, template, null, null));
                        }))
                .replaceWithVoid();
    }

    private Uni<Application> apply(KnownMeeting meeting, KnownSeries series, Template template, AuthorRole byRole,
            Long ifMatch) {
        String organisationId = meeting.organisationId;
        Instant now = clock.instant();
        List<ApplyTemplate.Question> questions = template.questions().stream()
                .map(question -> new ApplyTemplate.Question(UUID.randomUUID(), question.kind(),
                        question.askOtherSideToPrepare()))
                .toList();
        return streams.agenda(organisationId, meeting.meetingId)
                .chain(agenda -> {
                    AgendaStreams.checkIfMatch(meeting.meetingId, ifMatch, agenda.version());
                    List<UUID> earlier = agenda.topicsOfTemplate(template.id());
                    if (earlier != null) {
                        return Topic.<Topic>list("topicId in ?1", earlier).map(topics -> new Application(
                                meeting.meetingId, template, false, inOrder(topics, earlier), agenda.version()));
                    }
                    Decision decision = agenda.applyTemplate(new ApplyTemplate(template.id(), template.builtIn(),
                            questions, byRole, meeting.status, meeting.scheduledFor, now));
                    return streams.record(organisationId, meeting.meetingId, agenda.version(), decision, now)
                            .chain(stored -> persistTopics(meeting, series, template, questions, stored, now)
                                    .map(topics -> new Application(meeting.meetingId, template, true, topics,
                                            stored.get(stored.size() - 1).version)));
                });
    }

    private static Uni<List<Topic>> persistTopics(KnownMeeting meeting, KnownSeries series, Template template,
            List<ApplyTemplate.Question> questions, List<StoredEvent> stored, Instant now) {
        List<Topic> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            TemplateQuestion question = template.questions().get(i);
            Topic row = new Topic();
            row.topicId = questions.get(i).topicId();
            row.meetingId = meeting.meetingId;
            row.organisationId = meeting.organisationId;
            row.authorId = series.leaderId;
            row.authorRole = AuthorRole.LEADER.name();
            row.kind = question.kind().name();
            row.title = question.text();
            row.details = null;
            row.askToPrepare = question.askOtherSideToPrepare();
            // the version of its TopicAdded event: the questions keep the template's order
            row.position = (int) stored.get(i).version;
            row.discussed = false;
            row.addedAt = now;
            rows.add(row);
        }
        return Topic.persist(rows).replaceWith(rows);
    }

    private static List<Topic> inOrder(List<Topic> topics, List<UUID> ids) {
        return ids.stream().flatMap(id -> topics.stream().filter(topic -> topic.topicId.equals(id))).toList();
    }
}
