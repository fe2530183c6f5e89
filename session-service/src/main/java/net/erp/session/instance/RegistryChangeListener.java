package net.erp.session.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import net.erp.contract.registry.RegistryChange;
import org.jboss.logging.Logger;

/**
 * Drops a cached instance as soon as registry-service publishes a change of it. The subscription is made
 * again after Redis comes back; a message lost meanwhile costs at most one cache lifetime.
 */
@ApplicationScoped
class RegistryChangeListener {

    private static final Logger LOG = Logger.getLogger(RegistryChangeListener.class);

    private final ReactiveRedisDataSource redis;
    private final InstanceDirectory instances;
    private final ObjectMapper json;
    private Cancellable subscription;

    RegistryChangeListener(ReactiveRedisDataSource redis, InstanceDirectory instances, ObjectMapper json) {
        this.redis = redis;
        this.instances = instances;
        this.json = json;
    }

    void subscribe(@Observes StartupEvent start) {
        subscription = redis.pubsub(String.class).subscribe(RegistryChange.CHANNEL)
                .onFailure().invoke(e -> LOG.warnf("registry change events interrupted: %s",
                        e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::onMessage);
    }

    void unsubscribe(@Observes ShutdownEvent stop) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private void onMessage(String message) {
        try {
            JsonNode change = json.readTree(message);
            if (RegistryChange.Type.INSTANCE.name().equals(change.path("type").asText())) {
                instances.forget(change.path("instanceId").asText());
            }
        } catch (Exception e) {
            LOG.debugf("ignored an unreadable registry change event: %s", e.getClass().getSimpleName());
        }
    }
}
