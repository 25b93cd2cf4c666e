package dev.oneonone.kit.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

/**
 * Bounds every wait of the reactive PostgreSQL pool (the API and the consumers, through Hibernate Reactive), so
 * that a PostgreSQL that does not answer (frozen, or cut off by the network: the socket stays open and the kernel
 * even accepts new connections) fails a request within seconds instead of holding it forever; the failure is a
 * closed connection or a timeout, which {@link dev.oneonone.kit.problem.DatabaseOutage} answers 503 with
 * Retry-After. Quarkus 3.37 has no properties for these, so the kit creates the pool ({@link PgPoolCreator}):
 * <ul>
 * <li>{@code suite.datasource.reply-timeout} (5 s): a connection that has read nothing from PostgreSQL for this
 * long is closed (Vert.x read-idle timeout), whatever it waits for: the start-up handshake, a query's answer, a
 * commit's. A statement that legitimately runs longer needs it raised;</li>
 * <li>{@code suite.datasource.connect-timeout} (5 s): the TCP connect;</li>
 * <li>{@code suite.datasource.acquire-timeout} (5 s): how long a request waits for a connection of the pool.</li>
 * </ul>
 * An idle pooled connection is closed by the pool after at most half the reply timeout (unless
 * {@code quarkus.datasource.reactive.idle-timeout} is shorter), before the read-idle timeout could close it under a
 * request that just took it. The JDBC datasource (Flyway, the outbox relay) gets the same bounds from the kit's
 * {@code META-INF/microprofile-config.properties}.
 */
@Singleton
public class DatabaseTimeouts implements PgPoolCreator {
    private static final Logger LOG = Logger.getLogger(DatabaseTimeouts.class);
    private final Duration replyTimeout;
    private final Duration connectTimeout;
    private final Duration acquireTimeout;

    public DatabaseTimeouts(
            @ConfigProperty(name = "suite.datasource.reply-timeout", defaultValue = "5s") Duration replyTimeout,
            @ConfigProperty(name = "suite.datasource.connect-timeout", defaultValue = "5s") Duration connectTimeout,
            @ConfigProperty(name = "suite.datasource.acquire-timeout", defaultValue = "5s") Duration acquireTimeout) {
        this.replyTimeout = replyTimeout;
        this.connectTimeout = connectTimeout;
        this.acquireTimeout = acquireTimeout;
    }

    @Override
    public io.vertx.sqlclient.Pool create(Input input) {
        LOG.infof("PostgreSQL pool: reply timeout %s, connect timeout %s, acquire timeout %s", replyTimeout,
                connectTimeout, acquireTimeout);
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        for (PgConnectOptions server : servers) {
            bound(server);
        }
        return PgBuilder.pool().with(bound(input.poolOptions())).connectingTo(List.copyOf(servers))
                .using(input.vertx()).build();
    }

    /** The read-idle and connect timeouts of one server's connections. */
    PgConnectOptions bound(PgConnectOptions server) {
        server.setConnectTimeout((int) connectTimeout.toMillis());
        server.setReadIdleTimeout((int) replyTimeout.toMillis());
        server.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        return server;
    }

    /** The acquire timeout, and idle connections closed by the pool before the read-idle timeout would. */
    PoolOptions bound(PoolOptions pool) {
        pool.setConnectionTimeout((int) acquireTimeout.toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        long idleMillis = replyTimeout.toMillis() / 2;
        long configured = pool.getIdleTimeoutUnit().toMillis(pool.getIdleTimeout());
        if (configured <= 0 || configured > idleMillis) {
            pool.setIdleTimeout((int) idleMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        // the pool looks for idle connections this often (default 1 s); keep it well under the idle timeout
        pool.setPoolCleanerPeriod((int) Math.max(100, Math.min(pool.getPoolCleanerPeriod(), idleMillis / 4)));
        return pool;
    }
}
