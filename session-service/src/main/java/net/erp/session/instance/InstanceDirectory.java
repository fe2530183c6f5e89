package net.erp.session.instance;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.erp.contract.error.OAuthError;
import net.erp.contract.registry.RegistryChange;
import net.erp.session.config.SessionConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Instance records from registry-service, cached for {@code session.registry-cache-ttl} (5 seconds by
 * default) and dropped at once when registry-service announces a change. Concurrent requests for an
 * instance that is not cached share one call; an unknown instance is cached as unknown.
 */
@ApplicationScoped
public class InstanceDirectory {

    private static final Logger LOG = Logger.getLogger(InstanceDirectory.class);

    private record Entry(Uni<Optional<Instance>> instance, long fetchedAt) {
    }

    private final RegistryClient registry;
    private final String internalSecret;
    private final long ttlMillis;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    InstanceDirectory(@RestClient RegistryClient registry, SessionConfig config,
            @ConfigProperty(name = "platform.internal-secret") Optional<String> internalSecret) {
        this.registry = registry;
        // Optional: when INTERNAL_API_SECRET is missing, InternalCallFilter (service-contract) refuses the start
        // and names it; a plain String here would fail first, with a message that names only the config key.
        this.internalSecret = internalSecret.orElse("");
        this.ttlMillis = config.registryCacheTtl().toMillis();
    }

    /** The instance, or empty when registry-service does not know it. 503 when it cannot be asked. */
    public Uni<Optional<Instance>> find(String instanceId) {
        long now = System.currentTimeMillis();
        Entry entry = cache.compute(instanceId, (id, cached) -> cached != null && now - cached.fetchedAt() < ttlMillis
                ? cached : new Entry(fetch(id), now));
        return entry.instance().onFailure().invoke(() -> cache.remove(instanceId, entry));
    }

    /** The instance a token names; a token of an instance the registry does not know is refused. */
    public Uni<Instance> ofToken(String instanceId) {
        return find(instanceId).map(found -> found.orElseThrow(
                () -> OAuthError.invalidToken("the token's instance is unknown")));
    }

    /** Forgets the cached record, so that the next request reads the change. */
    public void forget(String instanceId) {
        cache.remove(instanceId);
    }

    /** Forgets what a registry change names (docs/service-contract.md, "Registry change events"). */
    void forget(@Observes RegistryChange change) {
        switch (change.type()) {
            case INSTANCE -> forget(change.instanceId());
            case ALL -> cache.clear();
            case APP -> {
                // Sessions keep no app data: an app's cut-off reaches them through the revocation list.
            }
        }
    }

    private Uni<Optional<Instance>> fetch(String instanceId) {
        return registry.instance(instanceId, internalSecret)
                .map(Optional::of)
                .onFailure(InstanceDirectory::isNotFound).recoverWithItem(Optional.empty())
                .onFailure(e -> !(e instanceof OAuthError)).transform(e -> {
                    LOG.warnf("registry-service cannot be asked for instance %s: %s", instanceId,
                            e.getClass().getSimpleName());
                    return OAuthError.unavailable("the instance registry cannot be reached");
                })
                .memoize().indefinitely();
    }

    private static boolean isNotFound(Throwable e) {
        return e instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
