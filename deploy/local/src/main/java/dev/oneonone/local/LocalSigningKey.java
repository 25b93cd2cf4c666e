package dev.oneonone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The signing key of a local run or a test run, FOR LOCAL USE ONLY: it lives in a plain file next
 * to the data. Its key id marks it as local, and the services' production profile refuses to
 * start when its verification key is this one.
 *
 * <p>Tokens carry {@code sub} (the person's id, or the integration's client id), {@code org} (the
 * organisation) and {@code groups} (the roles: person, director, hr, integration).
 */
public final class LocalSigningKey {
    /** The key id the services' production profile refuses. */
    public static final String LOCAL_KEY_ID = "oneonone-local-only";
    public static final String ISSUER = "oneonone-local";
    static final String SIGNING_KEY_FILE = "local-signing-key.jwk.json";
    static final String VERIFICATION_KEYS_FILE = "local-verification-keys.jwks.json";

    private final RsaJsonWebKey key;
    private final Path verificationKeys;

    private LocalSigningKey(RsaJsonWebKey key, Path verificationKeys) {
        this.key = key;
        this.verificationKeys = verificationKeys;
    }

    /** Reads the key kept in {@code directory}, or creates it there on the first run. */
    public static LocalSigningKey loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path signing = directory.resolve(SIGNING_KEY_FILE);
            Path verification = directory.resolve(VERIFICATION_KEYS_FILE);
            RsaJsonWebKey key;
            if (Files.exists(signing)) {
                key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(signing));
            } else {
                key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId(LOCAL_KEY_ID);
                key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                key.setUse("sig");
                Files.writeString(signing, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            }
            Files.writeString(verification, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    StandardCharsets.UTF_8);
            return new LocalSigningKey(key, verification);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the local signing key in " + directory, e);
        } catch (JoseException e) {
            throw new IllegalStateException("The local signing key in " + directory + " is unreadable", e);
        }
    }

    /** The public key set the services verify tokens with (mp.jwt.verify.publickey.location). */
    public Path verificationKeys() {
        return verificationKeys;
    }

    /** A token for a person or integration of an organisation, valid for {@code lifetime}. */
    public String mint(String organisation, String subject, Collection<String> roles, Duration lifetime) {
        return mint(organisation, subject, roles, Instant.now().plus(lifetime), ISSUER);
    }

    /**
     * A validly signed token whose claims (besides iss, jti, iat and exp) are exactly the given ones, of any JSON
     * type: tests use it for malformed claims, e.g. an {@code org} that is an array.
     */
    public String mintClaims(Map<String, Object> custom, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(Instant.now().plus(lifetime).toEpochMilli()));
        custom.forEach(claims::setClaim);
        return sign(claims);
    }

    /** A token with every claim chosen by the caller; tests use it for expired or foreign-issuer tokens. */
    public String mint(String organisation, String subject, Collection<String> roles, Instant expiresAt, String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(Math.min(System.currentTimeMillis(), expiresAt.toEpochMilli() - 1000)));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiresAt.toEpochMilli()));
        if (organisation != null) {
            claims.setClaim("org", organisation);
        }
        claims.setStringListClaim("groups", List.copyOf(roles));
        return sign(claims);
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a local token", e);
        }
    }

    /** The service configuration that makes a service trust this key. */
    public Map<String, String> serviceConfiguration() {
        return Map.of("mp.jwt.verify.publickey.location", verificationKeys.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER);
    }
}
