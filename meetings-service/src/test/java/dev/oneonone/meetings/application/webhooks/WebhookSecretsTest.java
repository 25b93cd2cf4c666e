package dev.oneonone.meetings.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.meetings.config.WebhookSettings;

/** Sealing webhook secrets at rest with AES-256-GCM ({@link WebhookSecrets}), without the service. */
class WebhookSecretsTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    @Test
    void a_sealed_secret_opens_for_its_endpoint_with_its_key_only() {
        WebhookSecrets secrets = new WebhookSecrets(settings(KEY));
        UUID endpoint = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        String stored = secrets.seal(endpoint, secret);
        assertTrue(stored.startsWith(WebhookSecrets.PREFIX), stored);
        assertNotEquals(stored, secrets.seal(endpoint, secret), "a fresh nonce each time");
        assertEquals(secret, secrets.open(endpoint, stored));

        assertThrows(IllegalStateException.class, () -> secrets.open(UUID.randomUUID(), stored), "another endpoint's row");
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(settings(OTHER_KEY)).open(endpoint, stored));
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(settings(null)).open(endpoint, stored));
        String changed = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAA=") ? "BBB=" : "AAA=");
        assertThrows(IllegalStateException.class, () -> secrets.open(endpoint, changed));
    }

    @Test
    void without_a_key_secrets_stay_in_clear_and_clear_ones_are_read_as_they_are() {
        UUID endpoint = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        assertEquals(secret, new WebhookSecrets(settings(null)).seal(endpoint, secret));
        assertEquals(secret, new WebhookSecrets(settings(KEY)).open(endpoint, secret), "stored before a key was set");
    }

    @Test
    void a_key_that_is_not_32_bytes_of_base64_is_refused_at_startup() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecrets(settings("not base64!")));
        assertThrows(IllegalArgumentException.class,
                () -> new WebhookSecrets(settings(Base64.getEncoder().encodeToString(new byte[16]))));
    }

    private static WebhookSettings settings(String key) {
        return (WebhookSettings) Proxy.newProxyInstance(WebhookSettings.class.getClassLoader(),
                new Class<?>[] { WebhookSettings.class }, (proxy, method, args) -> {
                    if (method.getName().equals("secretEncryptionKey")) {
                        return Optional.ofNullable(key);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
