package dev.oneonone.endtoend;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The third-party contract validators, pinned in {@code deploy/end-to-end/contract-validators/package-lock.json}:
 * Redocly CLI's linter for the OpenAPI documents and the AsyncAPI initiative's parser for the AsyncAPI documents.
 * They run on the Node.js found on PATH; {@code npm ci} installs them into that folder's {@code node_modules} when it
 * is missing or older than the lock file.
 */
final class ContractValidators {
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\..*");
    private static final String NODE_REQUIRED = "Node.js 20.19 or newer (the one @redocly/cli 2.77 supports)";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;
    private static final long RUN_TIMEOUT_MINUTES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    private ContractValidators(Path folder) {
        this.folder = folder;
    }

    /** The validators in {@code folder}, installed with {@code npm ci} if needed; fails clearly without Node.js. */
    static ContractValidators installedIn(Path folder) throws Exception {
        String nodeVersion = nodeVersion();
        Matcher version = NODE_VERSION.matcher(nodeVersion);
        if (!version.matches() || Integer.parseInt(version.group(1)) < 20
                || Integer.parseInt(version.group(1)) == 20 && Integer.parseInt(version.group(2)) < 19) {
            fail("The contract validators need " + NODE_REQUIRED + " on PATH; found node " + nodeVersion);
        }
        ContractValidators validators = new ContractValidators(folder);
        Path installed = folder.resolve("node_modules/.package-lock.json");
        Path lock = folder.resolve("package-lock.json");
        if (!Files.exists(installed)
                || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) < 0) {
            // --ignore-scripts: no package runs an install script, so nothing downloads a browser or sends analytics.
            Run install = validators.run(INSTALL_TIMEOUT_MINUTES, "npm", "ci", "--ignore-scripts", "--no-audit",
                    "--no-fund");
            if (install.exitCode() != 0) {
                fail("npm ci in " + folder + " failed (exit " + install.exitCode() + "):\n" + install.stdout()
                        + install.stderr());
            }
        }
        return validators;
    }

    /** Redocly CLI's {@code lint} of one OpenAPI document with the folder's redocly.yaml (the recommended rules). */
    LintReport redoclyLint(Path openApiDocument) throws Exception {
        Run lint = run(RUN_TIMEOUT_MINUTES, "node", "node_modules/@redocly/cli/bin/cli.js", "lint",
                "--config", "redocly.yaml", "--format", "json", openApiDocument.toString());
        JsonNode report = parse(lint, "redocly lint " + openApiDocument);
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            errors.add(problem.path("severity").asText() + " " + problem.path("ruleId").asText() + ": "
                    + problem.path("message").asText() + " at " + problem.path("location").path(0).path("pointer").asText());
        }
        JsonNode totals = report.path("totals");
        return new LintReport(openApiDocument.getFileName().toString(), true, totals.path("errors").asInt(),
                totals.path("warnings").asInt(), errors);
    }

    /** {@code @asyncapi/parser}'s verdict on each AsyncAPI document (parse-asyncapi.mjs). */
    List<LintReport> asyncApiParse(List<Path> asyncApiDocuments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "parse-asyncapi.mjs"));
        asyncApiDocuments.forEach(document -> command.add(document.toString()));
        Run parse = run(RUN_TIMEOUT_MINUTES, command.toArray(String[]::new));
        List<LintReport> reports = new ArrayList<>();
        for (JsonNode document : parse(parse, "parse-asyncapi.mjs")) {
            List<String> errors = new ArrayList<>();
            for (JsonNode error : document.path("errors")) {
                errors.add(error.path("code").asText() + ": " + error.path("message").asText() + " at "
                        + error.path("path").asText());
            }
            reports.add(new LintReport(Path.of(document.path("file").asText()).getFileName().toString(),
                    document.path("parsed").asBoolean(), errors.size(), document.path("warnings").size(), errors));
        }
        return reports;
    }

    /**
     * ical.js's reading of calendar feeds (check-vtimezones.mjs): each meeting's DTSTART, resolved with its feed's
     * VTIMEZONE, against the instant expected ({@code expected.txt} in {@code feeds}). Answers the script's report;
     * its exit code is 0 when every start agrees.
     */
    IcalJsReport icalJsCheck(Path feeds) throws Exception {
        Run check = run(RUN_TIMEOUT_MINUTES, "node", "check-vtimezones.mjs", feeds.toString());
        return new IcalJsReport(check.exitCode(), check.stdout() + check.stderr());
    }

    record IcalJsReport(int exitCode, String output) {
    }

    /** One tool's findings on one document: what it lists (redocly: errors and warnings; the parser: errors) and the counts. */
    record LintReport(String document, boolean parsed, int errorCount, int warningCount, List<String> errors) {
        String counts() {
            return errorCount + " errors, " + warningCount + " warnings" + (parsed ? "" : " (not parsed)");
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static JsonNode parse(Run run, String what) {
        try {
            return JSON.readTree(run.stdout());
        } catch (IOException e) {
            return fail(what + " printed no JSON report (exit " + run.exitCode() + "):\n" + run.stdout() + run.stderr());
        }
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            node.waitFor(1, TimeUnit.MINUTES);
            return version;
        } catch (IOException e) {
            return fail("The contract validators need " + NODE_REQUIRED + " on PATH, and there is no node command ("
                    + e.getMessage() + "). Install Node.js and npm; see the README's 'Test it'.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while asking node for its version");
        }
    }

    private Run run(long timeoutMinutes, String... command) throws Exception {
        Path stdout = Files.createTempFile("validator", ".out");
        Path stderr = Files.createTempFile("validator", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // No usage reports, no update notices: the same output on every machine, and nothing sent anywhere.
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutMinutes + " minutes");
            }
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
