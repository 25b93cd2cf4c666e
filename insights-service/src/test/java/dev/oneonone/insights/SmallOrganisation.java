package dev.oneonone.insights;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;

import dev.oneonone.events.meetings.Relationship;

/**
 * A small organisation fed through Kafka, for the rollup and dashboard tests: director D over managers
 * M1 (team PLATFORM) and M2 (team DATA), all in department ENG. M1 meets A weekly (healthy), last met
 * B a month ago (overdue; 3 of 4 agreements late) and has no series with C; D last met M1 twelve days
 * ago (at risk); M2 meets E, F and H; G (team DESIGN, alone) has no 1:1. H moved from M1 to M2 three
 * weeks ago.
 */
public final class SmallOrganisation {
    public final String id = "small-" + UUID.randomUUID().toString().substring(0, 8);
    public final OrganisationHistory history = new OrganisationHistory(id);
    public final UUID d;
    public final UUID m1;
    public final UUID m2;
    public final UUID b;
    public final UUID c;
    public final UUID g;
    public final UUID h;
    public final UUID seriesB;
    public final UUID seriesM1;
    public final UUID seriesH;
    public final UUID seriesA;
    public final String hrToken;

    private SmallOrganisation() {
        d = history.person(70, null, "LEAD", "ENG");
        m1 = history.person(70, d, "PLATFORM", "ENG");
        m2 = history.person(70, d, "DATA", "ENG");
        UUID a = history.person(70, m1, "PLATFORM", "ENG");
        b = history.person(70, m1, "PLATFORM", "ENG");
        c = history.person(70, m1, "PLATFORM", "ENG");
        UUID e = history.person(70, m2, "DATA", "ENG");
        UUID f = history.person(70, m2, "DATA", "ENG");
        g = history.person(70, m2, "DESIGN", "ENG");
        h = history.person(70, m1, "DATA", "ENG");
        history.reportsTo(21, h, m1, m2);

        seriesA = history.series(56, m1, a, Relationship.MANAGER_REPORT, 44, 37, 30, 23, 16, 9, 2);
        seriesB = history.series(56, m1, b, Relationship.MANAGER_REPORT, 51, 44, 37, 30);
        history.agreement(seriesB, 30, 10, 12);
        history.agreement(seriesB, 30, 10, 5);
        history.agreement(seriesB, 30, 10, null);
        history.agreement(seriesB, 30, 10, null);
        seriesM1 = history.series(56, d, m1, Relationship.MANAGER_REPORT, 26, 19, 12);
        history.series(56, d, m2, Relationship.MANAGER_REPORT, 17, 10, 3);
        history.series(56, m2, e, Relationship.MANAGER_REPORT, 15, 8, 1);
        history.series(56, m2, f, Relationship.MANAGER_REPORT, 16, 9, 2);
        seriesH = history.series(56, m2, h, Relationship.MANAGER_REPORT, 14, 7, 0);
        hrToken = history.token(UUID.randomUUID().toString(), "hr");
    }

    /** Publishes the history and waits until insights-service has taken all of it in. */
    public static SmallOrganisation seeded() throws Exception {
        SmallOrganisation organisation = new SmallOrganisation();
        organisation.history.publish();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(organisation.hrToken).get("/rollups/organisation"),
                        r -> r.statusCode() == 200 && Integer.valueOf(10).equals(r.path("figures.people"))
                                && Integer.valueOf(7).equals(r.path("figures.series"))
                                && Integer.valueOf(4).equals(r.path("figures.followThrough.due")));
        return organisation;
    }

    public String directorToken(UUID person) {
        return history.token(person.toString(), "director");
    }
}
