package ownpilot.gateway.models;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.settings.ApiKeys;
import tools.jackson.databind.JsonNode;

/** The response shapes of {@code /api/v1/providers}; {@code features} is the catalog file's own object. */
final class ProviderViews {

    private ProviderViews() {}

    /** A catalog provider with the user's override applied and where its key comes from. */
    record Summary(String id, String name, String type, String baseUrl, String apiKeyEnv, String docsUrl,
            JsonNode features, int modelCount, boolean isConfigured, boolean isEnabled, boolean hasOverride,
            ApiKeys.Source configSource, String color, String apiKeyPlaceholder) {}

    record Listing(List<Summary> providers, Map<String, List<String>> categories, int total) {}

    record Categories(Map<String, List<String>> categories, List<String> uncategorized) {}

    record Overrides(List<ProviderOverride> overrides, int total) {}

    /** One provider in full: its models, the user's override and the catalog's notes. */
    record Detail(@JsonUnwrapped Summary summary, List<ModelInfo> models, ProviderOverride userOverride,
            String notes) {}

    record Models(String provider, String providerName, List<ModelInfo> models, boolean isConfigured) {}

    record BaseConfig(String type, String baseUrl, String apiKeyEnv) {}

    /** The catalog's settings, the user's override of them, and what applies. */
    record Config(String providerId, BaseConfig baseConfig, ProviderOverride userOverride,
            ProviderConfigs.Effective effectiveConfig) {}
}
