package dev.oneonone.kit.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a database outage from a bug: the store cannot be reached, dropped the connection, is shutting down or
 * has no connection to spare. Such a failure is answered 503 {@code service-unavailable} with
 * {@code Retry-After: }{@value #RETRY_AFTER_SECONDS} (seconds) instead of 500 (docs/api-standards.md). Looks
 * through the whole cause chain, as Hibernate Reactive, Mutiny and Agroal wrap the driver's failure:
 * <ul>
 * <li>the reactive PostgreSQL client: {@link ConnectException} (refused, timed out), {@link ClosedConnectionException}
 * (also a connection closed by the read-idle timeout of {@link dev.oneonone.kit.database.DatabaseTimeouts}: PostgreSQL
 * did not answer), the pool's acquire timeout ({@code NoStackTraceThrowable: Timeout} or
 * {@code VertxException: Timeout waiting for connection}),
 * {@link PgException} with an SQLSTATE of class 08 (connection exception), 57P01 to 57P03 (shutdown, cannot
 * connect now) or class 53 (insufficient resources, e.g. too many connections);</li>
 * <li>JDBC (Agroal): {@link SQLTransientConnectionException}, {@link SQLNonTransientConnectionException}, an
 * {@link SQLException} with one of those SQLSTATEs, and Agroal's acquisition timeout;</li>
 * <li>"Connection is not active" from the reactive client, also inside a Mutiny {@code CompositeException}
 * (the request's failure gathered with its rollback's; found by the fault-injection test).</li>
 * </ul>
 */
public final class DatabaseOutage {
    /** How long a client should wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, 0);
    }

    private static boolean isOutage(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof ClosedChannelException || t instanceof ClosedConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && isOutageState(pg.getSqlState())) {
                return true;
            }
            if (t instanceof SQLException sql && (isOutageState(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout"))) {
                return true;
            }
            if (t instanceof TimeoutException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connection")) {
                return true;
            }
            // the reactive pool's acquire timeout (kit DatabaseTimeouts): Future.failedFuture("Timeout") when a
            // query waits for a connection, "Timeout waiting for connection" when a transaction or getConnection does
            if (t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage())
                    || t instanceof VertxException && "Timeout waiting for connection".equals(t.getMessage())) {
                return true;
            }
            // the reactive client's own words when a connection died under a request
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("Connection is not active")) {
                return true;
            }
            // Mutiny gathers the failure of a request and of its clean-up (a rollback on the dead connection)
            if (t instanceof io.smallrye.mutiny.CompositeException composite) {
                for (Throwable cause : composite.getCauses()) {
                    if (cause != t && isOutage(cause, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** SQLSTATE class 08, 57P01 to 57P03, class 53. */
    static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
