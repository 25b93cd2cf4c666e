package dev.oneonone.kit.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.problem.IdempotencyKeyReusedException;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Idempotency-Key on creates: the same key with the same request answers the first answer again and
 * creates nothing; the same key with another request is refused (422). The answer is stored in the
 * transaction of the create, so a key never outlives a create that was rolled back. Keys belong to one
 * caller of one organisation: an answer (say, a private note) is never replayed to someone else.
 */
@ApplicationScoped
public class IdempotentCreates {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String KEY_PATTERN = "[\\x21-\\x7E]{1,200}";

    private final ObjectMapper mapper;

    public IdempotentCreates(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Runs {@code create} once per key. Call inside a reactive transaction that also covers the create.
     *
     * @param request what identifies the request besides the key: its method and path, then its body
     */
    public Uni<Response> once(Caller caller, String key, String path, Object request, Supplier<Uni<Response>> create) {
        if (key == null) {
            return create.get();
        }
        if (!key.matches(KEY_PATTERN)) {
            throw new InvalidInputException(List.of(new FieldError(HEADER, "must be 1 to 200 visible ASCII characters", "not-an-idempotency-key")));
        }
        String hash = hash(path, request);
        String subject = String.valueOf(caller.subject());
        return lock(caller.organisationId() + "\n" + subject + "\n" + key)
                .chain(() -> stored(caller.organisationId(), subject, key)).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(replay(previous, hash));
            }
            return create.get().call(response -> store(caller.organisationId(), subject, key, hash, response));
        });
    }

    /** Advisory lock space of idempotency keys (two-key form, apart from the single-key locks elsewhere). */
    private static final int LOCK_SPACE = 0x1de7;

    /**
     * Holds the key's lock until the transaction ends: two requests racing with the same new key are
     * serialised, and the second gets the first one's answer replayed.
     */
    private static Uni<Void> lock(String callerAndKey) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(:space, hashtext(:key)) as text)", String.class)
                .setParameter("space", LOCK_SPACE)
                .setParameter("key", callerAndKey)
                .getSingleResult())
                .replaceWithVoid();
    }

    private Uni<Object[]> stored(String organisationId, String subject, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select request_hash, status, location, etag, body from idempotency_key"
                                + " where organisation_id = :organisation and caller = :caller and idempotency_key = :key",
                        Object[].class)
                .setParameter("organisation", organisationId)
                .setParameter("caller", subject)
                .setParameter("key", key)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private Uni<Integer> store(String organisationId, String subject, String key, String hash, Response response) {
        String body;
        try {
            body = mapper.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the answer of an idempotent create", e);
        }
        URI location = response.getLocation();
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_key (organisation_id, caller, idempotency_key, request_hash, status, location, etag, body)
                        values (:organisation, :caller, :key, :hash, :status, :location, :etag, :body)""")
                .setParameter("organisation", organisationId)
                .setParameter("caller", subject)
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
                .header(REPLAYED, "true");
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
