package ownpilot.gateway.models;

import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.ApiKeyChanged;
import ownpilot.gateway.shared.TtlCache;

/**
 * Resolved provider endpoints, read before every model call. Cleared whenever anything they are
 * made of changes in this process: an API key, a provider override, a local or a custom provider.
 */
@Component
class EndpointCache {

    private final TtlCache<String, ModelEndpoint> endpoints = new TtlCache<>(5000, 10_000);

    ModelEndpoint get(String userId, String providerId, Supplier<ModelEndpoint> resolve) {
        return endpoints.get(userId + '\u0000' + providerId, k -> resolve.get());
    }

    void clear() {
        endpoints.invalidateAll();
    }

    @EventListener
    void on(ApiKeyChanged changed) {
        clear();
    }
}
