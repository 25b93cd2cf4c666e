package dev.oneonone.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.oneonone.client.agenda.api.AgendaApi;
import dev.oneonone.client.agenda.api.AgreementsApi;
import dev.oneonone.client.agenda.model.AddTopic;
import dev.oneonone.client.agenda.model.Agenda;
import dev.oneonone.client.agenda.model.AgendaSection;
import dev.oneonone.client.agenda.model.Agreement;
import dev.oneonone.client.agenda.model.MakeAgreement;
import dev.oneonone.client.agenda.model.Topic;
import dev.oneonone.client.agenda.model.TopicKind;
import dev.oneonone.client.insights.api.RollupsApi;
import dev.oneonone.client.insights.api.SeriesInsightsApi;
import dev.oneonone.client.insights.model.Rollup;
import dev.oneonone.client.insights.model.SeriesInsight;
import dev.oneonone.client.meetings.api.PeopleApi;
import dev.oneonone.client.meetings.api.SeriesApi;
import dev.oneonone.client.meetings.model.Cadence;
import dev.oneonone.client.meetings.model.CancelMeeting;
import dev.oneonone.client.meetings.model.CancelReason;
import dev.oneonone.client.meetings.model.Meeting;
import dev.oneonone.client.meetings.model.RegisterPerson;
import dev.oneonone.client.meetings.model.Relationship;
import dev.oneonone.client.meetings.model.ScheduleMeeting;
import dev.oneonone.client.meetings.model.Series;
import dev.oneonone.client.meetings.model.StartSeries;
import dev.oneonone.local.SuiteService;

/**
 * The README's "A first session", step by step, through the Java clients that openapi-generator builds from the
 * services' OpenAPI documents (target/generated-clients), as an HR-tech platform's developer would: a contract that a
 * generated client cannot use fails here.
 */
@ExtendWith(RunningSuite.Shared.class)
class FirstSessionTest {
    private static final String ORGANISATION = "acme";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final Duration EVENT_ARRIVAL_TIMEOUT = Duration.ofSeconds(60);

    private static RunningSuite suite;

    @BeforeAll
    static void useTheSuite(RunningSuite running) {
        suite = running;
    }

    @Test
    void theReadmesFirstSessionRunsThroughGeneratedClients() throws Exception {
        // three people of acme's directory: a director, a manager reporting to them, a report
        UUID director = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        String hrPlatform = token("integration-acme", "integration");
        PeopleApi people = new PeopleApi(meetingsClient(hrPlatform));
        register(people, director, null, "Dana");
        register(people, manager, director, "Mo");
        register(people, report, manager, "Rey");
        String reportToken = token(report.toString(), "person");
        String managerToken = token(manager.toString(), "person");
        String directorToken = token(director.toString(), "director");

        // the HR platform starts a weekly 1:1 series between the manager and the report
        Series series = new SeriesApi(meetingsClient(hrPlatform)).startSeries(new StartSeries()
                .leaderId(manager).companionId(report).relationship(Relationship.MANAGER_REPORT)
                .cadence(Cadence.WEEKLY).timeZone("Europe/Berlin"), null);
        assertNotNull(series.getId());

        // the report schedules the next two meetings; the first at the version just read (If-Match)
        SeriesApi seriesByReport = new SeriesApi(meetingsClient(reportToken));
        Meeting first = seriesByReport.scheduleMeeting(series.getId(),
                new ScheduleMeeting().scheduledFor(daysAheadAtNine(7)), null, "\"1\"");
        Meeting second = seriesByReport.scheduleMeeting(series.getId(),
                new ScheduleMeeting().scheduledFor(daysAheadAtNine(14)), null, null);
        AgendaApi agendaOfReport = new AgendaApi(agendaClient(reportToken));
        AgendaApi agendaOfManager = new AgendaApi(agendaClient(managerToken));
        for (Meeting meeting : List.of(first, second)) {
            awaitAnswer("agenda-service knows meeting " + meeting.getId(),
                    () -> agendaOfReport.getAgenda(meeting.getId()), agenda -> true);
        }

        // both sides put topics on the first meeting's agenda; the report's run first
        Topic reportsTopic = agendaOfReport.addTopic(first.getId(), new AddTopic()
                .title("Moving to the platform team?").kind(TopicKind.CAREER).askOtherSideToPrepare(true),
                UUID.randomUUID().toString(), null);
        Topic managersTopic = agendaOfManager.addTopic(first.getId(), new AddTopic()
                .title("Holiday cover in December").kind(TopicKind.PLANNING), null, null);
        // an agreement: the manager promises something by a date
        Agreement agreement = new AgreementsApi(agendaClient(managerToken)).makeAgreement(
                first.getId(), new MakeAgreement().wording("Ask the platform lead about an opening").ownerId(manager)
                        .dueOn(LocalDate.now(ZoneOffset.UTC).plusDays(10)), null);

        // the first meeting is cancelled: every topic moves to the second meeting, and nothing is lost
        Meeting cancelled = seriesByReport.cancelMeeting(first.getId(), series.getId(),
                new CancelMeeting().reason(CancelReason.ILLNESS), null);
        assertEquals("CANCELLED", cancelled.getStatus());
        Agenda next = awaitAnswer("the first meeting's topics reach meeting " + second.getId(),
                () -> agendaOfReport.getAgenda(second.getId()),
                agenda -> topicIds(section(agenda, AgendaSection.KindEnum.CARRIED_OVER))
                        .containsAll(List.of(reportsTopic.getId(), managersTopic.getId())));
        assertEquals(List.of(AgendaSection.KindEnum.COMPANION_TOPICS, AgendaSection.KindEnum.CARRIED_OVER,
                AgendaSection.KindEnum.AGREEMENTS_TO_REVIEW, AgendaSection.KindEnum.LEADER_TOPICS),
                next.getSections().stream().map(AgendaSection::getKind).toList(), "the agenda in run order");
        assertEquals(List.of(agreement.getId()),
                section(next, AgendaSection.KindEnum.AGREEMENTS_TO_REVIEW).getAgreements().stream()
                        .map(Agreement::getId).toList());

        // the director sees figures for their reporting subtree, never 1:1 content
        SeriesInsight insight = awaitAnswer("insights-service knows series " + series.getId(),
                () -> new SeriesInsightsApi(insightsClient(directorToken)).getSeriesFigures(series.getId(), null),
                answer -> answer.getMeetingsScheduled() == 2);
        assertEquals("WEEKLY", insight.getCadence());
        Rollup subtree = new RollupsApi(insightsClient(directorToken)).getSubtreeRollup(director, null, 4);
        assertNotNull(subtree.getFigures(), "the subtree's figures");
        // ...and cannot read the agenda: 1:1 content stays with its two participants
        var refused = assertThrows(dev.oneonone.client.agenda.ApiException.class,
                () -> new AgendaApi(agendaClient(directorToken)).getAgenda(second.getId()));
        assertEquals(403, refused.getCode(), refused.getResponseBody());
    }

    private static void register(PeopleApi people, UUID id, UUID managerId, String name) throws Exception {
        people.registerPerson(new RegisterPerson().id(id).name(name).email(name + "." + id + "@acme.example")
                .team("platform").department("engineering").managerId(managerId), null);
    }

    private static OffsetDateTime daysAheadAtNine(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).truncatedTo(ChronoUnit.DAYS).withHour(9);
    }

    private static AgendaSection section(Agenda agenda, AgendaSection.KindEnum kind) {
        return agenda.getSections().stream().filter(section -> section.getKind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " section in " + agenda));
    }

    private static List<UUID> topicIds(AgendaSection section) {
        return section.getTopics().stream().map(Topic::getId).toList();
    }

    /** Calls until the answer is there (not an error) and {@code arrived} accepts it; events travel through Kafka. */
    private static <T> T awaitAnswer(String expectation, Callable<T> call, Predicate<T> arrived) {
        return await(expectation).atMost(EVENT_ARRIVAL_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(e -> e instanceof dev.oneonone.client.agenda.ApiException
                        || e instanceof dev.oneonone.client.insights.ApiException)
                .until(call, arrived);
    }

    private static String token(String subject, String role) {
        return suite.signingKey().mint(ORGANISATION, subject, List.of(role), TOKEN_LIFETIME);
    }

    private static dev.oneonone.client.meetings.ApiClient meetingsClient(String token) {
        var client = new dev.oneonone.client.meetings.ApiClient();
        client.updateBaseUri(suite.url(SuiteService.MEETINGS));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static dev.oneonone.client.agenda.ApiClient agendaClient(String token) {
        var client = new dev.oneonone.client.agenda.ApiClient();
        client.updateBaseUri(suite.url(SuiteService.AGENDA));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static dev.oneonone.client.insights.ApiClient insightsClient(String token) {
        var client = new dev.oneonone.client.insights.ApiClient();
        client.updateBaseUri(suite.url(SuiteService.INSIGHTS));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
