package net.erp.identity.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import net.erp.contract.registry.RegistryChange;
import org.jboss.logging.Logger;

/**
 * Listens on {@link RegistryChange#CHANNEL} and drops the cached registry data a change names. When the
 * subscription breaks it drops everything and subscribes again; entries expire on their own meanwhile.
 */
@ApplicationScoped
@RegisterForReflection(targets = RegistryChange.class)
class RegistryChangeSubscriber {

    private static final Logger LOG = Logger.getLogger(RegistryChangeSubscriber.class);

    private final ReactiveRedisDataSource redis;
    private final RegistryLookup lookup;
    private final ObjectMapper json;
    private Cancellable subscription;

    RegistryChangeSubscriber(ReactiveRedisDataSource redis, RegistryLookup lookup, ObjectMapper json) {
        this.redis = redis;
        this.lookup = lookup;
        this.json = json;
    }

    void start(@Observes StartupEvent start) {
        subscription = redis.pubsub(String.class).subscribe(RegistryChange.CHANNEL)
                .onFailure().invoke(failure -> {
                    LOG.warnf("registry change subscription lost: %s", failure.toString());
                    lookup.dropAll();
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::onMessage, failure -> LOG.error("registry change subscription ended", failure));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private void onMessage(String message) {
        try {
            RegistryChange change = json.readValue(message, RegistryChange.class);
            if (change.type() == null || change.instanceId() == null) {
                lookup.dropAll();
                return;
            }
            LOG.debugf("registry change %s %s %s", change.type(), change.instanceId(), change.clientId());
            lookup.drop(change);
        } catch (IOException e) {
            LOG.warn("unreadable registry change message; dropping every cached registry entry");
            lookup.dropAll();
        }
    }
}
