package ownpilot.gateway.models;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import ownpilot.gateway.shared.records.RawJson;

/** The response shapes of the local-provider routes. */
final class LocalProviderViews {

    private LocalProviderViews() {}

    /** A local server as clients see it: the key only as whether one is set and a masked hint. */
    record Provider(String id, String name, String providerType, String baseUrl, boolean hasApiKey,
            String apiKeyHint, boolean isEnabled, boolean isDefault, String discoveryEndpoint,
            String lastDiscoveredAt, long modelCount, String createdAt, String updatedAt) {}

    /** One provider with its models ({@code GET /local-providers/:id}). */
    record WithModels(@JsonUnwrapped Provider provider, List<Model> models) {}

    /** A model of a local server; {@code capabilities} is the stored JSON array. */
    record Model(String id, String localProviderId, String modelId, String displayName, RawJson capabilities,
            int contextWindow, int maxOutput, boolean isEnabled, String createdAt) {}

    /** What a discovery found and added. */
    record Discovery(String sourceUrl, int totalModels, int newModels, int existingModels, List<Model> models) {}

    /** A removed model. */
    record ModelDeleted(String modelId, boolean deleted) {}
}
