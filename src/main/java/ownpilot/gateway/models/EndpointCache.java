package ownpilot.gateway.models;

import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import ownpilot.gateway.shared.AfterCommit;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.ApiKeyChanged;
import ownpilot.gateway.shared.SharedCaches;

/**
 * Resolved provider endpoints, read before every model call. Cleared, on every replica, whenever
 * anything they are made of changes: an API key, a provider override, a local or a custom provider.
 */
@Component
class EndpointCache {

    private final SharedCaches.Named<ModelEndpoint> endpoints;

    EndpointCache(SharedCaches caches) {
        this.endpoints = caches.cache("endpoints", 10_000);
    }

    ModelEndpoint get(String userId, String providerId, Supplier<ModelEndpoint> resolve) {
        return endpoints.get(userId + '\u0000' + providerId, k -> resolve.get());
    }

    void clear() {
        endpoints.invalidateAll();
    }

    /** After the commit, so that no request can cache the old key again in between. */
    @EventListener
    void on(ApiKeyChanged changed) {
        AfterCommit.run(this::clear);
    }
}
