package ownpilot.gateway.settings;

/** Published when a provider's stored API key is set or removed. */
public record ApiKeyChanged(String userId, String provider) {}
