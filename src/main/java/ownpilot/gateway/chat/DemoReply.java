package ownpilot.gateway.chat;

/** The answer given while no provider is configured: what the gateway is and how to configure a provider. */
final class DemoReply {

    private DemoReply() {}

    /** {@code baseUrl}: where this gateway is reached, e.g. {@code http://127.0.0.1:8080}. */
    static String text(String requestedProvider, String baseUrl) {
        String p = requestedProvider == null || requestedProvider.equals("demo") ? "openai" : requestedProvider;
        return "OwnPilot is running in demo mode: no AI provider is configured yet, so this reply does not come "
                + "from a model.\n\nTo chat with a model, add an API key, for example:\n"
                + "  curl -X POST " + baseUrl + "/api/v1/settings/api-key/" + p
                + " -H 'Content-Type: application/json' -d '{\"apiKey\": \"<your key>\"}'\n"
                + "or set the provider's environment variable (such as OPENAI_API_KEY) before starting the gateway, "
                + "or register a local server (Ollama, LM Studio…) with POST /api/v1/local-providers. "
                + "GET /api/v1/providers lists every provider and the variable it reads.";
    }
}
