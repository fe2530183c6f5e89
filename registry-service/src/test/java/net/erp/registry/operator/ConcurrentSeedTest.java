package net.erp.registry.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.erp.registry.instance.InstanceRecord;
import net.erp.registry.instance.InstanceService;
import net.erp.registry.store.SeedLock;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas seeding an empty database at the same moment. A fresh instance id and operator client id stand
 * for the empty database. To make both replicas read "missing" before either writes, the test holds a SHARE
 * lock on the table being seeded (reads pass, inserts wait) until both replicas wait, then lets them go.
 */
@QuarkusTest
class ConcurrentSeedTest {

    private static final String SCHEMA = "registry_test";
    private static final long WAIT_MILLIS = 20_000;

    @Inject
    Bootstrap bootstrap;

    @Inject
    InstanceService instances;

    private final String instanceId = "seed-" + UUID.randomUUID().toString().substring(0, 8);
    private final String clientId = "operator-" + UUID.randomUUID();
    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @AfterEach
    void dropInstance() throws SQLException {
        replicas.shutdownNow();
        try (Connection db = connect(); var delete = db.prepareStatement("delete from " + SCHEMA
                + ".instance where id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        }
    }

    @Test
    void seedWhenTwoReplicasStartTogetherOnEmptyDatabaseThenBothStartWithOneInstance() throws Exception {
        List<CompletableFuture<Void>> starts = startTwoReplicasWhileHolding("instance");

        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertEquals(1, count("select count(*) from " + SCHEMA + ".instance where id = ?", instanceId));
        assertEquals(1, operatorApps());
        assertEquals(1, operatorSecrets());
    }

    @Test
    void seedWhenTwoReplicasStartTogetherWithoutOperatorThenBothStartWithOneOperatorApp() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> instances.createIfMissing(instance()));
        List<CompletableFuture<Void>> starts = startTwoReplicasWhileHolding("trusted_application");

        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertEquals(1, operatorApps());
        assertEquals(1, operatorSecrets());
    }

    /** Starts two seedings while inserts into the table wait; lets them go once both are waiting. */
    private List<CompletableFuture<Void>> startTwoReplicasWhileHolding(String table) throws Exception {
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) {
                lock.execute("lock table " + SCHEMA + "." + table + " in share mode");
            }
            List<CompletableFuture<Void>> starts = List.of(startReplica(), startReplica());
            awaitWaiters(holder, table, 2);
            holder.commit();
            return starts;
        }
    }

    private CompletableFuture<Void> startReplica() {
        String secret = "seed-secret-" + instanceId;
        return CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> bootstrap.seed(instance(), clientId, secret));
            } catch (Throwable failure) {
                throw new IllegalStateException("a replica failed to seed", failure);
            }
        }, replicas);
    }

    /** Waits until that many sessions wait for the table or for the seed lock (or the time is up). */
    private static void awaitWaiters(Connection holder, String table, int waiters) throws Exception {
        String sql = "select count(*) from pg_locks where not granted and ((locktype = 'relation' and relation = '"
                + SCHEMA + "." + table + "'::regclass) or (locktype = 'advisory' and objsubid = 1 "
                + "and ((classid::bigint << 32) | objid::bigint) = " + SeedLock.KEY + "))";
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (var query = holder.createStatement(); var rows = query.executeQuery(sql)) {
                rows.next();
                if (rows.getInt(1) >= waiters) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    private InstanceRecord instance() {
        return new InstanceRecord(instanceId, "Seeded", List.of(instanceId + ".seed.example"), 5, List.of(), false);
    }

    private int operatorApps() throws SQLException {
        return count("select count(*) from " + SCHEMA + ".trusted_application where instance_id = ? and client_id = ?",
                instanceId, clientId);
    }

    private int operatorSecrets() throws SQLException {
        return count("select count(*) from " + SCHEMA + ".client_secret s join " + SCHEMA
                + ".trusted_application a on a.id = s.app_id where a.instance_id = ?", instanceId);
    }

    private static int count(String sql, String... parameters) throws SQLException {
        try (Connection db = connect(); var query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
