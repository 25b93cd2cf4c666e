package dev.oneonone.kit.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class DatabaseOutageTest {
    @Test
    void connection_failures_of_the_reactive_client_are_outages_however_wrapped() {
        assertTrue(DatabaseOutage.isOutage(new CompletionException(new HibernateException(new ConnectException("Connection refused")))));
        assertTrue(DatabaseOutage.isOutage(new HibernateException("closed", ClosedConnectionException.INSTANCE)));
        assertTrue(DatabaseOutage.isOutage(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)));
        assertTrue(DatabaseOutage.isOutage(new PgException("the database system is starting up", "FATAL", "57P03", null)));
        assertTrue(DatabaseOutage.isOutage(new PgException("sorry, too many clients already", "FATAL", "53300", null)));
    }

    @Test
    void a_connection_that_died_under_a_request_is_an_outage_also_inside_a_composite() {
        // as the fault-injection test saw it: the request's failure gathered with that of its rollback
        IllegalStateException inactive = new IllegalStateException("Connection is not active now, current status: CLOSED");
        assertTrue(DatabaseOutage.isOutage(inactive));
        assertTrue(DatabaseOutage.isOutage(new CompletionException(
                new io.smallrye.mutiny.CompositeException(new IllegalStateException("bug"), inactive))));
        assertFalse(DatabaseOutage.isOutage(new io.smallrye.mutiny.CompositeException(
                new IllegalStateException("bug"), new NullPointerException())));
    }

    @Test
    void the_reactive_pools_acquire_timeout_is_an_outage_but_not_any_message_free_failure() {
        // what the pool answers when no connection came within suite.datasource.acquire-timeout (PostgreSQL hung)
        assertTrue(DatabaseOutage.isOutage(new CompletionException(new io.vertx.core.impl.NoStackTraceThrowable("Timeout"))));
        // the same through Pool.withTransaction (insights-service), as the local run showed with PostgreSQL frozen
        assertTrue(DatabaseOutage.isOutage(new io.vertx.core.VertxException("Timeout waiting for connection", true)));
        assertFalse(DatabaseOutage.isOutage(new io.vertx.core.impl.NoStackTraceThrowable("Something else")));
    }

    @Test
    void connection_failures_of_jdbc_are_outages() {
        assertTrue(DatabaseOutage.isOutage(new SQLTransientConnectionException("gone")));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLException("Connection attempt failed", "08001"))));
        assertTrue(DatabaseOutage.isOutage(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void other_failures_are_not() {
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("bug")));
        assertFalse(DatabaseOutage.isOutage(new PgException("duplicate key value", "ERROR", "23505", null)));
        assertFalse(DatabaseOutage.isOutage(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isOutage(new NullPointerException()));
    }
}
