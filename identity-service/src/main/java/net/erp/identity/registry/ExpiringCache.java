package net.erp.identity.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * A small map whose entries expire on their own. Bounded: past {@code capacity} entries it starts over,
 * which costs a few registry calls and never serves anything stale.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;

    ExpiringCache(int capacity) {
        this.capacity = capacity;
    }

    V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= System.currentTimeMillis()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    void put(K key, V value, long expiresAtMillis) {
        if (expiresAtMillis <= System.currentTimeMillis()) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, expiresAtMillis));
    }

    void removeIf(BiPredicate<K, V> doomed) {
        entries.entrySet().removeIf(entry -> doomed.test(entry.getKey(), entry.getValue().value()));
    }

    void clear() {
        entries.clear();
    }
}
