package ownpilot.gateway.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small read-through cache for values read on every request (settings, budgets, provider
 * endpoints). The module that owns the data invalidates entries when it changes them, so this
 * process never serves a stale value; another replica may, for at most the time-to-live.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TtlCache(long ttlMillis, int maxEntries) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresAt() < 0) {
            return e.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void invalidateAll() {
        entries.clear();
    }
}
