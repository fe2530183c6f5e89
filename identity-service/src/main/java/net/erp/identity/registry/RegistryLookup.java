package net.erp.identity.registry;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.contract.registry.RegistryChange;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the hot path asks of the registry, cached for {@code REGISTRY_CACHE_TTL} at most: host to instance
 * (answers "unknown" included), id to instance, and successful app authentications, keyed by the SHA-256
 * of the presented secret and never kept past that secret's expiry. A {@link RegistryChange} drops what it
 * names at once; failed authentications are never cached. A hot entry is refreshed in the background before
 * it expires ({@link RefreshingCache}), so steady traffic never waits for registry-service.
 */
@ApplicationScoped
public class RegistryLookup {

    private static final int CAPACITY = 10_000;

    private record AppKey(String instanceId, String clientId, String secretDigest) {
    }

    private record AppId(String instanceId, String clientId) {
    }

    private final Registry registry;
    private final long ttlMillis;
    private final RefreshingCache<String, Optional<Instance>> hosts;
    private final RefreshingCache<String, Optional<Instance>> instances;
    private final RefreshingCache<AppKey, Optional<AppAuthentication>> apps;
    private final RefreshingCache<AppId, Optional<TrustedApplication>> records;

    RegistryLookup(Registry registry, @ConfigProperty(name = "identity.registry.cache-ttl") Duration ttl) {
        this.registry = registry;
        this.ttlMillis = ttl.toMillis();
        this.hosts = new RefreshingCache<>(CAPACITY, found -> expiry());
        this.instances = new RefreshingCache<>(CAPACITY, found -> expiry());
        this.apps = new RefreshingCache<>(CAPACITY, this::expiry);
        this.records = new RefreshingCache<>(CAPACITY, found -> expiry());
    }

    /** The instance a request host (lower case, no port) belongs to. */
    public Uni<Optional<Instance>> instanceByHost(String host) {
        return hosts.get(host, () -> registry.instanceByHost(host));
    }

    public Uni<Optional<Instance>> instance(String instanceId) {
        return instances.get(instanceId, () -> registry.instance(instanceId));
    }

    /** Nothing when the instance exists; 404 {@code unknown_instance} for an admin API path that names none. */
    public Uni<Void> requireInstance(String instanceId) {
        return instance(instanceId).invoke(found -> {
            if (found.isEmpty()) {
                throw OAuthError.notFound("unknown_instance", "no instance has this id");
            }
        }).replaceWithVoid();
    }

    /**
     * The public record of an app, enabled or not, where no client authenticates (reference tokens, and the
     * browser's authorize and endsession requests); "unknown" is cached as well.
     */
    public Uni<Optional<TrustedApplication>> app(String instanceId, String clientId) {
        return records.get(new AppId(instanceId, clientId), () -> registry.app(instanceId, clientId));
    }

    /**
     * The app when {@code secret} authenticates it (null secret: a public app), empty otherwise: an unknown
     * app, a wrong, expired or deleted secret, a secret sent by a public app, a disabled app.
     */
    public Uni<Optional<TrustedApplication>> authenticate(String instanceId, String clientId, String secret) {
        AppKey key = new AppKey(instanceId, clientId, digest(secret));
        return apps.get(key, () -> registry.authenticate(instanceId, clientId, secret))
                .map(answer -> answer.filter(RegistryLookup::succeeded).map(AppAuthentication::app));
    }

    /** Drops what a registry change names (docs/service-contract.md, "Registry change events"). */
    void drop(@Observes RegistryChange change) {
        if (change.type() == RegistryChange.Type.ALL) {
            dropAll();
            return;
        }
        String instanceId = change.instanceId();
        if (change.type() == RegistryChange.Type.INSTANCE) {
            hosts.removeIf((host, found) -> found.isEmpty() || found.get().id().equals(instanceId));
            instances.removeIf((id, found) -> id.equals(instanceId));
            apps.removeIf((key, app) -> key.instanceId().equals(instanceId));
            records.removeIf((key, app) -> key.instanceId().equals(instanceId));
        } else {
            apps.removeIf((key, app) -> key.instanceId().equals(instanceId)
                    && key.clientId().equals(change.clientId()));
            records.removeIf((key, app) -> key.equals(new AppId(instanceId, change.clientId())));
        }
    }

    /** Everything: after a lost subscription nothing cached may outlive what it missed. */
    void dropAll() {
        hosts.clear();
        instances.clear();
        apps.clear();
        records.clear();
    }

    private long expiry() {
        return System.currentTimeMillis() + ttlMillis;
    }

    /** A success is kept until the secret expires, if sooner; a refusal is never kept. */
    private long expiry(Optional<AppAuthentication> answer) {
        if (answer.filter(RegistryLookup::succeeded).isEmpty()) {
            return RefreshingCache.DO_NOT_KEEP;
        }
        Instant secretExpiry = answer.get().secretExpiresAt();
        return secretExpiry == null ? expiry() : Math.min(expiry(), secretExpiry.toEpochMilli());
    }

    private static boolean succeeded(AppAuthentication found) {
        return found.authenticated() && found.app() != null && found.app().enabled();
    }

    private static String digest(String secret) {
        if (secret == null) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
