package dev.oneonone.meetings.application.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import dev.oneonone.meetings.config.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How signing secrets are kept in {@code webhook_secret} (docs/security.md "Webhooks"). With
 * {@code meetings.webhooks.secret-encryption-key} (32 bytes in Base64) each secret is sealed with the JDK's AES-256-GCM:
 * {@value #PREFIX} and the Base64 of a random 12-byte nonce followed by the ciphertext and its 16-byte tag, with the
 * endpoint's id as associated data (a sealed secret copied to another endpoint's row does not open). Without the key
 * they are kept in clear ({@code whsec_...}), and a warning says so at startup. A value in clear is read as it is, so a
 * key can be configured later: the secrets written from then on are sealed.
 */
@ApplicationScoped
public class WebhookSecrets {
    /** The start of a sealed secret as stored. */
    static final String PREFIX = "aes256gcm:";
    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKey> key;

    public WebhookSecrets(WebhookSettings settings) {
        this.key = settings.secretEncryptionKey().map(WebhookSecrets::key);
        if (key.isEmpty()) {
            LOG.warn("meetings.webhooks.secret-encryption-key is not set: webhook signing secrets are stored in clear");
        }
    }

    /** The value to store for an endpoint's secret: sealed when a key is configured, else the secret itself. */
    public String seal(UUID endpointId, String secret) {
        if (key.isEmpty()) {
            return secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, endpointId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a webhook secret", e);
        }
    }

    /**
     * The secret a stored value holds.
     *
     * @throws IllegalStateException for a sealed value without the key, or one that does not open with it (another
     *                               key, another endpoint, changed bytes)
     */
    public String open(UUID endpointId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("Webhook secret of endpoint " + endpointId
                    + " is sealed, and meetings.webhooks.secret-encryption-key is not set");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] nonce = java.util.Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, endpointId);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Webhook secret of endpoint " + endpointId + " does not open with the "
                    + "configured key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID endpointId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("meetings.webhooks.secret-encryption-key must be Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("meetings.webhooks.secret-encryption-key must be 32 bytes (AES-256) in "
                    + "Base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
