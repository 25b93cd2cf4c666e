package dev.oneonone.kit.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.LocalSigningKey;

class LocalKeyGuardTest {

    @Test
    void refuses_the_local_signing_key() throws Exception {
        Path keys = LocalSigningKey.loadOrCreate(Files.createTempDirectory("guard")).verificationKeys();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LocalKeyGuard.check(Optional.of(keys.toUri().toString())));
        assertTrue(refused.getMessage().contains("local use only"));
        assertThrows(IllegalStateException.class, () -> LocalKeyGuard.check(Optional.of(keys.toString())));
    }

    @Test
    void refuses_to_run_without_a_key() {
        assertThrows(IllegalStateException.class, () -> LocalKeyGuard.check(Optional.empty()));
    }

    @Test
    void accepts_another_key_and_a_remote_key_set() throws Exception {
        Path pem = Files.createTempFile("idp", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----\n");

        assertDoesNotThrow(() -> LocalKeyGuard.check(Optional.of(pem.toString())));
        assertDoesNotThrow(() -> LocalKeyGuard.check(Optional.of("https://login.example.com/certs")));
    }
}
