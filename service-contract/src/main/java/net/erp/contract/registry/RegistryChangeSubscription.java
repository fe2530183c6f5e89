package net.erp.contract.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Subscribes to {@link RegistryChange#CHANNEL} and fires each change as a CDI event, so that a cache of
 * registry data observes {@code RegistryChange} and drops what it names. When the subscription breaks or a
 * message cannot be read it fires {@link RegistryChange#all()} and subscribes again with back-off.
 * registry-service, which publishes the changes, turns it off with
 * {@code platform.registry-changes.subscribe=false}.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.registry-changes.subscribe", stringValue = "true", enableIfMissing = true)
public class RegistryChangeSubscription {

    private static final Logger LOG = Logger.getLogger(RegistryChangeSubscription.class);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Event<RegistryChange> changes;
    private Cancellable subscription;

    RegistryChangeSubscription(ReactiveRedisDataSource redis, ObjectMapper json, Event<RegistryChange> changes) {
        this.redis = redis;
        this.json = json;
        this.changes = changes;
    }

    void subscribe(@Observes StartupEvent start) {
        subscription = redis.pubsub(String.class).subscribe(RegistryChange.CHANNEL)
                .onFailure().invoke(failure -> {
                    LOG.warnf("registry change events interrupted: %s", failure.getClass().getSimpleName());
                    changes.fire(RegistryChange.all());
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::onMessage);
    }

    void unsubscribe(@Observes ShutdownEvent stop) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private void onMessage(String message) {
        RegistryChange change;
        try {
            change = json.readValue(message, RegistryChange.class);
        } catch (JsonProcessingException e) {
            LOG.warn("unreadable registry change event; every cached registry entry is dropped");
            change = RegistryChange.all();
        }
        if (change.type() == null || (change.type() != RegistryChange.Type.ALL && change.instanceId() == null)) {
            change = RegistryChange.all();
        }
        LOG.debugf("registry change %s %s %s", change.type(), change.instanceId(), change.clientId());
        changes.fire(change);
    }
}
