package net.erp.identity.registry;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Lets concurrent cache misses of one key share one registry call. Without it, when a hot entry expires
 * every request in flight calls registry-service at once (measured: some 30 calls per expiry at 1,000
 * tokens a second), and all of them wait on a busy registry. A failed call is not kept: the next miss
 * calls again.
 */
final class SharedCalls<K, V> {

    private final Map<K, Uni<V>> inFlight = new ConcurrentHashMap<>();

    Uni<V> call(K key, Function<K, Uni<V>> registryCall) {
        return Uni.createFrom().deferred(() -> inFlight.computeIfAbsent(key, k -> shared(k, registryCall)));
    }

    private Uni<V> shared(K key, Function<K, Uni<V>> registryCall) {
        var self = new AtomicReference<Uni<V>>();
        Uni<V> call = registryCall.apply(key)
                .eventually(() -> inFlight.remove(key, self.get()))
                .memoize().indefinitely();
        self.set(call);
        return call;
    }
}
