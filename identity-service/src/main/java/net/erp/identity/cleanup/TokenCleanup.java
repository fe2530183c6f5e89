package net.erp.identity.cleanup;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes dead token rows every {@code TOKEN_CLEANUP_INTERVAL}: those whose expiry (or, where a feature says so,
 * revocation) passed more than {@code TOKEN_CLEANUP_GRACE} ago. A Vert.x periodic timer started at start-up,
 * as the key rotation's; every replica runs it, which is safe because each deletion is one idempotent
 * {@code DELETE}.
 */
@ApplicationScoped
public class TokenCleanup {

    private static final Logger LOG = Logger.getLogger(TokenCleanup.class);
    private static final long FIRST_RUN_WITHIN_MILLIS = 60_000;

    private final Vertx vertx;
    private final List<DeadRows> tables;
    private final Duration interval;
    private final Duration grace;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    TokenCleanup(Vertx vertx, @All List<DeadRows> tables,
            @ConfigProperty(name = "identity.token-cleanup.interval") Duration interval,
            @ConfigProperty(name = "identity.token-cleanup.grace") Duration grace) {
        if (interval.isNegative() || interval.isZero() || grace.isNegative()) {
            throw new IllegalStateException("TOKEN_CLEANUP_INTERVAL must be positive and TOKEN_CLEANUP_GRACE "
                    + "not negative");
        }
        this.vertx = vertx;
        this.tables = tables;
        this.interval = interval;
        this.grace = grace;
    }

    void start(@Observes StartupEvent start) {
        // The first run comes within a minute, not one interval, after start-up, so that replicas restarted
        // more often than the interval still clean up; the random delay spreads replicas started together.
        long first = 1 + ThreadLocalRandom.current().nextLong(Math.min(FIRST_RUN_WITHIN_MILLIS, interval.toMillis()));
        timer = vertx.setPeriodic(first, interval.toMillis(), tick -> tick());
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        run().eventually(() -> running.set(false))
                .subscribe().with(done -> { }, failure -> LOG.warnf("the token clean-up failed: %s",
                        failure.toString()));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One clean-up run: every table, one after the other. */
    public Uni<Void> run() {
        Instant before = Instant.now().minus(grace);
        return Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(table -> table.deleteDeadBefore(before)
                        .invoke(deleted -> {
                            if (deleted > 0) {
                                LOG.infof("deleted %d dead %s", deleted, table.name());
                            }
                        }))
                .collect().last()
                .replaceWithVoid();
    }
}
