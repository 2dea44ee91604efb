package ownpilot.gateway.models;

/** The answer of deleting a provider's override or a custom provider. */
record ProviderDeleted(String providerId, boolean deleted) {

    static ProviderDeleted of(String providerId) {
        return new ProviderDeleted(providerId, true);
    }
}
