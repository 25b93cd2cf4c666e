package dev.oneonone.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prints a bearer token signed with the local run's key, for curl and the Swagger UI:
 * {@code java -cp deploy/local/target/local-suite.jar dev.oneonone.local.MintToken --org acme --person <uuid> --role person}.
 */
public final class MintToken {
    private static final List<String> ROLES = List.of("person", "director", "hr", "integration");

    private MintToken() {
    }

    public static void main(String[] args) {
        String organisation = null;
        String subject = null;
        List<String> roles = new ArrayList<>();
        long hours = 8;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--org" -> organisation = args[i + 1];
                case "--person", "--subject" -> subject = args[i + 1];
                case "--role" -> roles.add(args[i + 1]);
                case "--hours" -> hours = Long.parseLong(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            usage("every option takes a value");
        }
        if (organisation == null) {
            usage("--org is required");
        }
        if (roles.isEmpty()) {
            roles.add("person");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                usage("unknown role " + role + "; roles are " + ROLES);
            }
        }
        if (subject == null) {
            subject = roles.contains("integration") ? "integration-" + organisation : UUID.randomUUID().toString();
        }
        Path keyDirectory = SuiteDataDirectory.locate().resolve("jwt");
        LocalSigningKey key = LocalSigningKey.loadOrCreate(keyDirectory);
        System.out.println(key.mint(organisation, subject, roles, Duration.ofHours(hours)));
    }

    private static void usage(String problem) {
        System.err.println("MintToken: " + problem);
        System.err.println("usage: MintToken --org ORGANISATION [--person ID] [--role person|director|hr|integration]... [--hours N]");
        System.exit(2);
    }
}
