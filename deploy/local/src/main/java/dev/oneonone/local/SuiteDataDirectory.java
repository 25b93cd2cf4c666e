package dev.oneonone.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Where the local run keeps its data: {@code SUITE_DATA_DIR}, else {@code .suite-data/} at the repository root. */
public final class SuiteDataDirectory {
    static final String ENVIRONMENT_VARIABLE = "SUITE_DATA_DIR";
    /** A folder only the repository root holds. */
    private static final String ROOT_MARKER = "meetings-service";

    private SuiteDataDirectory() {
    }

    public static Path locate() {
        return locate(System.getenv(), repositoryRoot());
    }

    static Path locate(Map<String, String> environment, Path repositoryRoot) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : repositoryRoot.resolve(".suite-data");
    }

    /** The current folder or one above it, else a folder above this jar, that holds meetings-service/. */
    public static Path repositoryRoot() {
        Set<Path> startingPoints = new LinkedHashSet<>();
        startingPoints.add(Path.of("").toAbsolutePath());
        try {
            startingPoints.add(Path.of(SuiteDataDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException unknownLocation) {
            // The current folder is the only clue then.
        }
        for (Path start : startingPoints) {
            for (Path folder = start; folder != null; folder = folder.getParent()) {
                if (Files.isDirectory(folder.resolve(ROOT_MARKER))) {
                    return folder;
                }
            }
        }
        throw new IllegalStateException("Cannot find the repository root (the folder holding " + ROOT_MARKER
                + "/). Run this from the repository root.");
    }
}
