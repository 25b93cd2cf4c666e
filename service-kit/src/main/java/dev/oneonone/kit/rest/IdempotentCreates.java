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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
     * Runs {@code create} once per key. Call inside a reactive transaction (Hibernate Reactive's session) that also
     * covers the create.
     *
     * @param request what identifies the request besides the key: its method and path, then its body
     */
    public Uni<Response> once(Caller caller, String key, String path, Object request, Supplier<Uni<Response>> create) {
        return once(SESSION, caller, key, path, request, create);
    }

    /**
     * Runs {@code create} once per key, for code that writes with the Vert.x SQL client: {@code transaction} is the
     * connection of a transaction ({@code pool.withTransaction}) that the create uses too, so the key is stored with
     * the create or not at all, as with {@link #once(Caller, String, String, Object, Supplier)}.
     */
    public Uni<Response> once(SqlConnection transaction, Caller caller, String key, String path, Object request,
            Supplier<Uni<Response>> create) {
        return once(new ConnectionKeys(transaction), caller, key, path, request, create);
    }

    private Uni<Response> once(Keys keys, Caller caller, String key, String path, Object request,
            Supplier<Uni<Response>> create) {
        if (key == null) {
            return create.get();
        }
        if (!key.matches(KEY_PATTERN)) {
            throw new InvalidInputException(List.of(new FieldError(HEADER, "must be 1 to 200 visible ASCII characters", "not-an-idempotency-key")));
        }
        String hash = hash(path, request);
        String subject = String.valueOf(caller.subject());
        return keys.lock(caller.organisationId() + "\n" + subject + "\n" + key)
                .chain(() -> keys.stored(caller.organisationId(), subject, key)).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(replay(previous, hash));
            }
            return create.get().call(response -> keys.store(new Stored(caller.organisationId(), subject, key, hash,
                    response.getStatus(), response.getLocation() == null ? null : response.getLocation().toString(),
                    etag(response), body(response))));
        });
    }

    /** Advisory lock space of idempotency keys (two-key form, apart from the single-key locks elsewhere). */
    private static final int LOCK_SPACE = 0x1de7;
    private static final String LOCK = "select cast(pg_advisory_xact_lock(%s, hashtext(%s)) as text)";
    private static final String SELECT = "select request_hash, status, location, etag, body from idempotency_key"
            + " where organisation_id = %s and caller = %s and idempotency_key = %s";
    private static final String INSERT = "insert into idempotency_key (organisation_id, caller, idempotency_key,"
            + " request_hash, status, location, etag, body) values (%s, %s, %s, %s, %s, %s, %s, %s)";

    /** An answer to keep: its key and request hash, status, Location, ETag and JSON body. */
    private record Stored(String organisationId, String caller, String key, String hash, int status, String location,
            String etag, String body) {
    }

    /**
     * Where keys are kept, in the caller's transaction. {@link #lock} holds the key's lock until the transaction
     * ends: two requests racing with the same new key are serialised, and the second gets the first one's answer
     * replayed. {@link #stored} answers request_hash, status, location, etag, body, or null.
     */
    private interface Keys {
        Uni<Void> lock(String callerAndKey);

        Uni<Object[]> stored(String organisationId, String caller, String key);

        Uni<Void> store(Stored answer);
    }

    /** Keys through Hibernate Reactive's current session (Panache). */
    private static final Keys SESSION = new Keys() {
        @Override
        public Uni<Void> lock(String callerAndKey) {
            return Panache.getSession().chain(session -> session.createNativeQuery(
                            LOCK.formatted(":space", ":key"), String.class)
                    .setParameter("space", LOCK_SPACE)
                    .setParameter("key", callerAndKey)
                    .getSingleResult())
                    .replaceWithVoid();
        }

        @Override
        public Uni<Object[]> stored(String organisationId, String caller, String key) {
            return Panache.getSession().chain(session -> session.createNativeQuery(
                            SELECT.formatted(":organisation", ":caller", ":key"), Object[].class)
                    .setParameter("organisation", organisationId)
                    .setParameter("caller", caller)
                    .setParameter("key", key)
                    .getResultList())
                    .map(rows -> rows.isEmpty() ? null : rows.get(0));
        }

        @Override
        public Uni<Void> store(Stored answer) {
            return Panache.getSession().chain(session -> session.createNativeQuery(INSERT.formatted(":organisation",
                            ":caller", ":key", ":hash", ":status", ":location", ":etag", ":body"))
                    .setParameter("organisation", answer.organisationId())
                    .setParameter("caller", answer.caller())
                    .setParameter("key", answer.key())
                    .setParameter("hash", answer.hash())
                    .setParameter("status", answer.status())
                    .setParameter("location", answer.location())
                    .setParameter("etag", answer.etag())
                    .setParameter("body", answer.body())
                    .executeUpdate())
                    .replaceWithVoid();
        }
    };

    /** Keys through a Vert.x SQL connection inside a transaction. */
    private record ConnectionKeys(SqlConnection connection) implements Keys {
        @Override
        public Uni<Void> lock(String callerAndKey) {
            return connection.preparedQuery(LOCK.formatted("$1", "$2")).execute(Tuple.of(LOCK_SPACE, callerAndKey))
                    .replaceWithVoid();
        }

        @Override
        public Uni<Object[]> stored(String organisationId, String caller, String key) {
            return connection.preparedQuery(SELECT.formatted("$1", "$2", "$3")).execute(Tuple.of(organisationId, caller, key))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            return null;
                        }
                        Row row = rows.iterator().next();
                        return new Object[] { row.getString(0), row.getInteger(1), row.getString(2), row.getString(3),
                                row.getString(4) };
                    });
        }

        @Override
        public Uni<Void> store(Stored answer) {
            return connection.preparedQuery(INSERT.formatted("$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8"))
                    .execute(Tuple.from(new Object[] { answer.organisationId(), answer.caller(), answer.key(),
                            answer.hash(), answer.status(), answer.location(), answer.etag(), answer.body() }))
                    .replaceWithVoid();
        }
    }

    private String body(Response response) {
        try {
            return mapper.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the answer of an idempotent create", e);
        }
    }

    private static String etag(Response response) {
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return etag == null ? null : etag.toString();
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
