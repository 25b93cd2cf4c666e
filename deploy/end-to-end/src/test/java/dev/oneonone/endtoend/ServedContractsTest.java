package dev.oneonone.endtoend;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.endtoend.ContractValidators.LintReport;
import dev.oneonone.local.SuiteService;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The contracts the running services serve, checked as an integrator's tools check them: each OpenAPI document
 * ({@code /q/openapi}) by Redocly CLI's linter (recommended rules), each AsyncAPI document ({@code /asyncapi}) by
 * {@code @asyncapi/parser}; both must report no error. The documents are kept in {@code target/contracts/} and each
 * tool's counts are printed per document.
 */
@ExtendWith(RunningSuite.Shared.class)
class ServedContractsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite suite;
    private static Path contracts;

    @BeforeAll
    static void fetchTheServedDocuments(RunningSuite running) throws Exception {
        suite = running;
        contracts = Files.createDirectories(RunningSuite.pathFromSystemProperty("suite.contracts"));
        for (SuiteService service : SuiteService.values()) {
            Files.writeString(openApi(service), served(service, "/q/openapi?format=json"));
            Files.writeString(asyncApi(service), served(service, "/asyncapi"));
        }
    }

    @Test
    void eachServedOpenApiDocumentIsTheOneTheBuildWroteAndTheClientsAreGeneratedFrom() throws Exception {
        for (SuiteService service : SuiteService.values()) {
            Path written = suite.repositoryRoot().resolve(service.module()).resolve("target/openapi/openapi.json");
            assertTrue(Files.exists(written), written + " is missing: quarkus.smallrye-openapi.store-schema-directory");
            JsonNode built = JSON.readTree(written.toFile());
            JsonNode served = JSON.readTree(openApi(service).toFile());
            assertEquals(built, served, () -> service.module() + " serves another OpenAPI document than its build wrote"
                    + " to " + written + "; top-level members that differ: " + differingMembers(built, served));
        }
    }

    @Test
    void redoclyFindsNoErrorInTheServedOpenApiDocuments() throws Exception {
        ContractValidators validators = ContractValidators.installedIn(validatorsFolder());
        List<LintReport> reports = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            reports.add(validators.redoclyLint(openApi(service)));
        }
        assertNoErrors("@redocly/cli lint (recommended)", reports);
    }

    @Test
    void theAsyncApiParserAcceptsTheServedAsyncApiDocuments() throws Exception {
        ContractValidators validators = ContractValidators.installedIn(validatorsFolder());
        List<Path> documents = List.of(SuiteService.values()).stream().map(ServedContractsTest::asyncApi).toList();
        assertNoErrors("@asyncapi/parser", validators.asyncApiParse(documents));
    }

    private static void assertNoErrors(String tool, List<LintReport> reports) {
        String counts = reports.stream().map(report -> "  " + tool + "  " + report.document() + ": " + report.counts())
                .collect(joining("\n"));
        // a warning fails the build too: integrators' tools show it (an example that breaks its schema, say)
        String errors = reports.stream().filter(report -> report.errorCount() > 0 || report.warningCount() > 0 || !report.parsed())
                .map(report -> report.document() + ": " + report.counts() + "\n    "
                        + String.join("\n    ", report.errors()))
                .collect(joining("\n"));
        // Printed as well: Maven's summary of a failure shows only part of a long message.
        System.out.println("Contract validators on " + contracts + ":\n" + counts + (errors.isEmpty() ? ""
                : "\nErrors:\n" + errors));
        assertTrue(errors.isEmpty(), () -> tool + " reports errors or warnings in the served contracts (documents in " + contracts
                + "):\n" + errors + "\nCounts:\n" + counts);
    }

    private static String served(SuiteService service, String path) {
        Response answer = RestAssured.given().baseUri(suite.url(service)).get(path);
        assertEquals(200, answer.statusCode(), () -> service.module() + " " + path + " answered " + answer.statusCode()
                + " " + answer.asString() + suite.logTails(service));
        return answer.asString();
    }

    private static String differingMembers(JsonNode built, JsonNode served) {
        List<String> names = new ArrayList<>();
        built.fieldNames().forEachRemaining(names::add);
        served.fieldNames().forEachRemaining(name -> {
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        return names.stream().filter(name -> !built.path(name).equals(served.path(name))).toList().toString();
    }

    private static Path openApi(SuiteService service) {
        return contracts.resolve(service.module() + "-openapi.json");
    }

    private static Path asyncApi(SuiteService service) {
        return contracts.resolve(service.module() + "-asyncapi.json");
    }

    private static Path validatorsFolder() {
        return RunningSuite.pathFromSystemProperty("suite.contract-validators");
    }
}
