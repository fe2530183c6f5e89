package net.erp.session.session;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import net.erp.session.config.SessionConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the licence gauges of the instances this replica has seen current when no call comes: every
 * {@code session.gauge-refresh-interval} it counts their sessions, which also closes the expired ones
 * and counts them by reason. A count never includes an expired session, refreshed or not.
 */
@ApplicationScoped
class LicenseGauges {

    private static final Logger LOG = Logger.getLogger(LicenseGauges.class);

    private final Vertx vertx;
    private final SessionMetrics metrics;
    private final SessionConfig config;
    private long timer = -1;

    LicenseGauges(Vertx vertx, SessionMetrics metrics, SessionConfig config) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.config = config;
    }

    /** The licence slots of this service, on the Quarkus Redis client. */
    @Produces
    @Singleton
    static LicenseSlots licenseSlots(ReactiveRedisDataSource redis, SessionConfig config) {
        return new LicenseSlots(redis::execute, config.idleTimeout(), config.absoluteTimeout());
    }

    void start(@Observes StartupEvent start, LicenseSlots slots) {
        timer = vertx.setPeriodic(config.gaugeRefreshInterval().toMillis(), id -> refresh(slots));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh(LicenseSlots slots) {
        for (String instanceId : metrics.instances()) {
            slots.count(instanceId).subscribe().with(count -> {
                metrics.expired(instanceId, count.expired());
                metrics.licenses(instanceId, count.licensesInUse());
            }, e -> LOG.debugf("the licence gauge of %s was not refreshed: %s", instanceId, e.getMessage()));
        }
    }
}
