package net.erp.identity.registry;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A cache of registry answers that refreshes a hot entry before it expires. An entry is served until its
 * expiry; once four fifths of its time are gone, the next request that reads it starts one registry call
 * in the background (shared with any other, {@link SharedCalls}) and is answered from the entry meanwhile.
 * So under steady traffic no request waits for the registry, and nothing is served past its expiry.
 *
 * <p>Dropping entries (a registry change) also voids the answers of calls already under way, which may have
 * been read before the change. Bounded: past {@code capacity} entries it starts over.
 */
final class RefreshingCache<K, V> {

    /** What {@code expiresAt} returns for an answer that must not be kept. */
    static final long DO_NOT_KEEP = Long.MIN_VALUE;

    private record Entry<V>(V value, long refreshAtMillis, long expiresAtMillis) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final SharedCalls<K, V> calls = new SharedCalls<>();
    private final AtomicLong generation = new AtomicLong();
    private final int capacity;
    private final ToLongFunction<V> expiresAt;

    /** @param expiresAt when an answer expires, in epoch milliseconds, or {@link #DO_NOT_KEEP} */
    RefreshingCache(int capacity, ToLongFunction<V> expiresAt) {
        this.capacity = capacity;
        this.expiresAt = expiresAt;
    }

    /** The answer for {@code key}, from the cache or from {@code load}, the registry call that answers it. */
    Uni<V> get(K key, Supplier<Uni<V>> load) {
        long now = System.currentTimeMillis();
        Entry<V> entry = entries.get(key);
        if (entry == null || entry.expiresAtMillis() <= now) {
            return fetch(key, load);
        }
        if (entry.refreshAtMillis() <= now) {
            fetch(key, load).subscribe().with(refreshed -> { }, failed -> { });
        }
        return Uni.createFrom().item(entry.value());
    }

    void removeIf(BiPredicate<K, V> doomed) {
        generation.incrementAndGet();
        entries.entrySet().removeIf(entry -> doomed.test(entry.getKey(), entry.getValue().value()));
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private Uni<V> fetch(K key, Supplier<Uni<V>> load) {
        long asked = generation.get();
        return calls.call(key, ignored -> load.get()).invoke(answer -> keep(key, answer, asked));
    }

    private void keep(K key, V answer, long asked) {
        long now = System.currentTimeMillis();
        long expiry = expiresAt.applyAsLong(answer);
        if (expiry <= now) {
            entries.remove(key);
            return;
        }
        if (generation.get() != asked) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(answer, now + (expiry - now) * 4 / 5, expiry));
    }
}
