package ownpilot.gateway.models;

/** The answer of switching a provider on or off. */
record ProviderToggled(String providerId, boolean isEnabled) {}
