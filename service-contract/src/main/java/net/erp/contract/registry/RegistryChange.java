package net.erp.contract.registry;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A change in registry-service that the other services' caches must drop at once, published as JSON on
 * the Redis channel {@link #CHANNEL}. Pub/sub may lose a message while a subscriber reconnects, so
 * every cache of registry data also expires on its own within the platform's 5-second bound.
 *
 * @param type what changed
 * @param instanceId the instance it belongs to
 * @param clientId the app, for {@link Type#APP}; {@code null} otherwise
 */
@RegisterForReflection
public record RegistryChange(Type type, String instanceId, String clientId) {

    /** The Redis pub/sub channel. */
    public static final String CHANNEL = "registry-changes";

    /** What changed. */
    public enum Type {
        /** An instance was created, updated or deleted: hostnames, licence limit, reserved accounts. */
        INSTANCE,
        /** An app, its scopes or its secrets changed, or it was disabled or deleted. */
        APP,
        /** Changes may have been missed (the subscription broke, a message was unreadable): drop everything. */
        ALL
    }

    public static RegistryChange instance(String instanceId) {
        return new RegistryChange(Type.INSTANCE, instanceId, null);
    }

    /** Fired by {@link RegistryChangeSubscription} when a subscriber may have missed changes. */
    public static RegistryChange all() {
        return new RegistryChange(Type.ALL, null, null);
    }

    public static RegistryChange app(String instanceId, String clientId) {
        return new RegistryChange(Type.APP, instanceId, clientId);
    }
}
