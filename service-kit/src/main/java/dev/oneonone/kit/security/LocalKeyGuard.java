package dev.oneonone.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * In the production profile, refuses to start without a token verification key, or with the local
 * run's key (its key id marks it as local-only): a production service must trust a real identity provider.
 */
@ApplicationScoped
public class LocalKeyGuard {
    public static final String LOCAL_KEY_ID = "oneonone-local-only";

    private final Optional<String> keyLocation;

    public LocalKeyGuard(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation) {
        this.keyLocation = keyLocation;
    }

    void onStart(@Observes StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod")) {
            check(keyLocation);
        }
    }

    public static void check(Optional<String> location) {
        String where = location.filter(l -> !l.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's key"));
        String key = read(where);
        if (key != null && key.contains(LOCAL_KEY_ID)) {
            throw new IllegalStateException("Refusing to start: " + where + " is the local run's signing key ("
                    + LOCAL_KEY_ID + "), meant for local use only. Point MP_JWT_VERIFY_PUBLICKEY_LOCATION at your "
                    + "identity provider's key.");
        }
    }

    /** The key's text when it is a file or on the classpath; null for a remote key set (an identity provider). */
    private static String read(String location) {
        try {
            if (location.startsWith("http:") || location.startsWith("https:")) {
                return null;
            }
            if (location.startsWith("classpath:")) {
                try (InputStream in = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()))) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.readString(path);
        } catch (IOException | RuntimeException unreadable) {
            return null; // smallrye-jwt reports an unreadable key itself
        }
    }
}
