package ownpilot.gateway.models;

/**
 * Where and how to call a provider: its client type ({@code openai}, {@code anthropic},
 * {@code google} or {@code openai-compatible}), base URL (null = the client's default) and key.
 */
public record ModelEndpoint(String providerId, String type, String baseUrl, String apiKey) {

    @Override
    public String toString() {
        return "ModelEndpoint[" + providerId + ", " + type + ", " + baseUrl + "]";
    }
}
