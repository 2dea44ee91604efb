package ownpilot.gateway.models;

/** A user's changes to a catalog provider; {@code null} fields keep the catalog's value. */
record ProviderOverride(String providerId, String baseUrl, String providerType, boolean isEnabled, String apiKeyEnv,
        String notes, String updatedAt) {}
