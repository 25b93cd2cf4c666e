package dev.oneonone.meetings.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.meetings.rest.problem.IdempotencyKeyReusedException;
import dev.oneonone.meetings.rest.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Idempotency-Key on creates: the same key with the same request answers the first answer again
 * and creates nothing; the same key with another request is refused (422). The answer is stored
 * in the transaction of the create, so a key never outlives a create that was rolled back. Two
 * requests racing with the same new key are serialised by a transaction-scoped advisory lock on the
 * key: the second waits for the first to commit, then gets its answer replayed.
 */
@ApplicationScoped
public class IdempotentCreates {
    public static final String HEADER = "Idempotency-Key";
    private static final String KEY_PATTERN = "[\\x21-\\x7E]{1,200}";

    private final ObjectMapper mapper;

    public IdempotentCreates(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Runs {@code create} once per key. Call inside a reactive transaction that also covers the create.
     *
     * @param request what identifies the request besides the key: its path and body
     */
    public Uni<Response> once(String organisationId, String key, String path, Object request,
            Supplier<Uni<Response>> create) {
        if (key == null) {
            return create.get();
        }
        if (!key.matches(KEY_PATTERN)) {
            throw new InvalidInputException(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String hash = hash(path, request);
        return lock(organisationId + "\n" + key).chain(() -> stored(organisationId, key)).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(replay(previous, hash));
            }
            return create.get().call(response -> store(organisationId, key, hash, response));
        });
    }

    /** Advisory lock space of idempotency keys (two-key form, apart from the single-key locks of the commands). */
    private static final int LOCK_SPACE = 0x1de7;

    /** Holds the key's lock until the transaction ends. */
    private static Uni<Void> lock(String organisationAndKey) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(:space, hashtext(:key)) as text)", String.class)
                .setParameter("space", LOCK_SPACE)
                .setParameter("key", organisationAndKey)
                .getSingleResult())
                .replaceWithVoid();
    }

    private Uni<Object[]> stored(String organisationId, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select request_hash, status, location, etag, body from idempotency_key"
                                + " where organisation_id = :organisation and idempotency_key = :key", Object[].class)
                .setParameter("organisation", organisationId)
                .setParameter("key", key)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private Uni<Integer> store(String organisationId, String key, String hash, Response response) {
        String body;
        try {
            body = mapper.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the answer of an idempotent create", e);
        }
        URI location = response.getLocation();
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_key (organisation_id, idempotency_key, request_hash, status, location, etag, body)
                        values (:organisation, :key, :hash, :status, :location, :etag, :body)""")
                .setParameter("organisation", organisationId)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("status", response.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("etag", etag == null ? null : etag.toString())
                .setParameter("body", body)
                .executeUpdate());
    }

    private static Response replay(Object[] previous, String hash) {
        if (!previous[0].equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        Response.ResponseBuilder answer = Response.status(((Number) previous[1]).intValue())
                .type(MediaType.APPLICATION_JSON)
                .entity(previous[4])
                .header("Idempotent-Replayed", "true");
        if (previous[2] != null) {
            answer.location(URI.create((String) previous[2]));
        }
        if (previous[3] != null) {
            answer.header(HttpHeaders.ETAG, previous[3]);
        }
        return answer.build();
    }

    private String hash(String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
