package dev.oneonone.kit.rest;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The request body limits of the API, read once (docs/api-standards.md, "Size limits"), in bytes:
 * {@code suite.api.max-body-bytes} (default 1 MiB), and for the paths in {@code suite.api.import-paths}
 * (bulk imports) {@code suite.api.import-max-body-bytes} (default 16 MiB). Both {@link RequestBodyLimit}
 * (by Content-Length) and {@link HttpLayerProblems} (counting a body without one) apply them.
 */
@ApplicationScoped
public class BodyLimits {
    private final long maxBodyBytes;
    private final long importMaxBodyBytes;
    private final List<String> importPaths;

    public BodyLimits(@ConfigProperty(name = "suite.api.max-body-bytes", defaultValue = "1048576") long maxBodyBytes,
            @ConfigProperty(name = "suite.api.import-max-body-bytes", defaultValue = "16777216") long importMaxBodyBytes,
            @ConfigProperty(name = "suite.api.import-paths", defaultValue = "none") List<String> importPaths) {
        this.maxBodyBytes = maxBodyBytes;
        this.importMaxBodyBytes = importMaxBodyBytes;
        this.importPaths = List.copyOf(importPaths);
    }

    /** The largest body, in bytes, a request to {@code path} may carry. */
    public long forPath(String path) {
        return isImport(path) ? importMaxBodyBytes : maxBodyBytes;
    }

    public boolean isImport(String path) {
        return importPaths.contains(path);
    }

    public long api() {
        return maxBodyBytes;
    }

    public long imports() {
        return importMaxBodyBytes;
    }
}
