package net.erp.registry.change;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import net.erp.contract.error.OAuthError;
import net.erp.contract.registry.RegistryChange;
import net.erp.contract.revocation.RevocationList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells the other services about committed changes (docs/service-contract.md): a {@link RegistryChange} on
 * the Redis channel {@value RegistryChange#CHANNEL}, so that their caches drop what changed, and for a
 * disabled or deleted app a cut-off on the revocation list, so that its access tokens stop working.
 *
 * <p>A lost event costs at most the subscribers' cache lifetime (5 seconds), so a failed publish is logged
 * and does not fail the change, which is already committed. A failed cut-off fails the change before it
 * is committed: an app is never stopped here while its tokens are still accepted elsewhere.
 */
@ApplicationScoped
@RegisterForReflection(targets = RegistryChange.class)
public class RegistryChanges {

    private static final Logger LOG = Logger.getLogger(RegistryChanges.class);

    private final ReactivePubSubCommands<RegistryChange> pubsub;
    private final RevocationList revocations;
    private final Duration accessTokenLifetime;

    public RegistryChanges(ReactiveRedisDataSource redis, RevocationList revocations,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        this.pubsub = redis.pubsub(RegistryChange.class);
        this.revocations = revocations;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** An instance, its hostnames, licence limit, reserved accounts or scopes changed. */
    public Uni<Void> instanceChanged(String instanceId) {
        return publish(RegistryChange.instance(instanceId));
    }

    /** An app or its secrets changed. */
    public Uni<Void> appChanged(String instanceId, String clientId) {
        return publish(RegistryChange.app(instanceId, clientId));
    }

    /**
     * An app is being disabled or deleted: every access token issued to it up to this second is refused from
     * now on. Called inside the transaction of the change, so that a failure here leaves nothing changed.
     */
    public Uni<Void> cutOff(String instanceId, String clientId) {
        return revocations.cutOffClient(instanceId, clientId, accessTokenLifetime)
                .onFailure().transform(e -> {
                    LOG.errorf(e, "could not cut off the access tokens of %s %s", instanceId, clientId);
                    return OAuthError.unavailable("the app's access tokens could not be cut off; nothing changed");
                });
    }

    private Uni<Void> publish(RegistryChange change) {
        return pubsub.publish(RegistryChange.CHANNEL, change)
                .onFailure().invoke(e -> LOG.warnf("could not publish the change of %s %s %s: %s",
                        change.type(), change.instanceId(), change.clientId(), e.toString()))
                .onFailure().recoverWithNull();
    }
}
