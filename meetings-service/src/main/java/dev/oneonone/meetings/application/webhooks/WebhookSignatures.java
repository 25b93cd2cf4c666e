package dev.oneonone.meetings.application.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Secrets and signatures of the Standard Webhooks specification, with its reference library: a secret is
 * {@code whsec_} and the Base64 of 32 random bytes; a delivery is signed with every secret still valid (after a
 * rotation the old one beside the new), space-separated in {@code webhook-signature}, each {@code v1,<Base64 of
 * HMAC-SHA256(id.timestamp.body)>}.
 */
public final class WebhookSignatures {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new secret, {@code whsec_} and 32 random bytes in Base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header: one signature per secret, space-separated. */
    public static String sign(List<String> secrets, String messageId, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("A webhook endpoint without a secret: " + messageId);
        }
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(messageId, timestampSeconds, body);
            } catch (WebhookSigningException | EmptyWebhookSecretException e) {
                throw new IllegalStateException("Cannot sign webhook " + messageId, e);
            }
        }).collect(Collectors.joining(" "));
    }
}
