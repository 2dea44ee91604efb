package ownpilot.gateway.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Read-through caches (Caffeine) for values read on every request: budgets, settings, provider
 * endpoints. The module that owns the data invalidates an entry when it changes it, here and, through
 * {@link PgNotifications}, on every other replica; the time-to-live only bounds what a replica that
 * missed a message (it was reconnecting) may serve.
 */
@Component
public class SharedCaches {

    private static final String CHANNEL = "ownpilot_cache";
    private static final String ALL = "\u0000*";

    private final PgNotifications notifications;
    private final Duration ttl;
    private final Map<String, Cache<String, Object>> caches = new ConcurrentHashMap<>();

    SharedCaches(PgNotifications notifications, KernelProperties settings) {
        long ttlMillis = settings.cache().ttlMs();
        this.notifications = notifications;
        this.ttl = Duration.ofMillis(Math.max(0, ttlMillis));
        notifications.subscribe(CHANNEL, this::received);
    }

    /** A cache named {@code name} (unique per purpose) of at most {@code maxEntries} entries. */
    public <V> Named<V> cache(String name, int maxEntries) {
        if (name.contains("\n")) {
            throw new IllegalArgumentException(name);
        }
        Cache<String, Object> cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
        if (caches.putIfAbsent(name, cache) != null) {
            throw new IllegalStateException("Cache " + name + " exists already");
        }
        return new Named<>(name, cache);
    }

    private void received(String payload) {
        int newline = payload.indexOf('\n');
        if (newline < 0) {
            return;
        }
        Cache<String, Object> cache = caches.get(payload.substring(0, newline));
        String key = payload.substring(newline + 1);
        if (cache != null) {
            if (key.equals(ALL)) {
                cache.invalidateAll();
            } else {
                cache.invalidate(key);
            }
        }
    }

    /** Empties every cache of this replica: after the database was changed behind the gateway's back. */
    public void invalidateAllHere() {
        caches.values().forEach(Cache::invalidateAll);
    }

    /** One named cache: keys are strings, so that another replica can be told which one changed. */
    public final class Named<V> {

        private final String name;
        private final Cache<String, Object> cache;

        private Named(String name, Cache<String, Object> cache) {
            this.name = name;
            this.cache = cache;
        }

        @SuppressWarnings("unchecked")
        public V get(String key, Function<String, V> loader) {
            return (V) cache.get(key, loader::apply);
        }

        /**
         * Drops the entry here at once and again once the current transaction commits (a read in
         * between may have loaded the old value), and then on the other replicas, which could only
         * reload the old value before the commit.
         */
        public void invalidate(String key) {
            cache.invalidate(key);
            AfterCommit.run(() -> {
                cache.invalidate(key);
                notifications.send(CHANNEL, name + '\n' + key);
            });
        }

        /** Like {@link #invalidate}, for every entry. */
        public void invalidateAll() {
            cache.invalidateAll();
            AfterCommit.run(() -> {
                cache.invalidateAll();
                notifications.send(CHANNEL, name + '\n' + ALL);
            });
        }
    }
}
