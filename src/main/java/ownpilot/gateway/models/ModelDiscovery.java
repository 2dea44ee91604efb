package ownpilot.gateway.models;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.OutboundHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a local model server which models it has. Ollama: {@code <base>/api/tags}. Others: the
 * provider's discovery endpoint (if set), then {@code /v1/models}, {@code /api/v1/models},
 * {@code /models} on the server's origin; the first JSON answer with a non-empty list (an array or
 * {@code {"data": [...]}}) wins. Each try: 8 s, no redirects, at most 4 MB. Addresses follow
 * {@link OutboundAddresses}: loopback and LAN allowed (local servers live there), link-local and
 * metadata addresses never.
 */
@Component
class ModelDiscovery {

    private static final long MAX_BYTES = 4L * 1024 * 1024;

    record Found(String sourceUrl, List<String> modelIds) {}

    private final JsonMapper json;
    private final OutboundHttp http;

    ModelDiscovery(JsonMapper json, OutboundHttp http) {
        this.json = json;
        this.http = http;
    }

    Found discover(String providerType, String baseUrl, String discoveryEndpoint, String apiKey) {
        List<String> tried = new ArrayList<>();
        for (URI candidate : candidates(providerType, baseUrl, discoveryEndpoint)) {
            tried.add(candidate.toString());
            List<String> ids = fetch(candidate, apiKey, providerType.equals("ollama"));
            if (!ids.isEmpty()) {
                return new Found(candidate.toString(), ids);
            }
        }
        throw new ApiException(HttpStatus.BAD_GATEWAY, "DISCOVERY_FAILED",
                "No model list found; tried " + String.join(", ", tried));
    }

    static List<URI> candidates(String providerType, String baseUrl, String discoveryEndpoint) {
        String base = baseUrl.replaceAll("/+$", "");
        LinkedHashSet<URI> out = new LinkedHashSet<>();
        if (providerType.equals("ollama")) {
            out.add(URI.create(base + "/api/tags"));
            return List.copyOf(out);
        }
        URI baseUri = URI.create(base + "/");
        if (discoveryEndpoint != null) {
            out.add(baseUri.resolve(discoveryEndpoint.startsWith("/") ? discoveryEndpoint.substring(1) : discoveryEndpoint));
        }
        if (base.endsWith("/v1")) {
            out.add(URI.create(base + "/models"));
        }
        URI origin = URI.create(baseUri.getScheme() + "://" + baseUri.getRawAuthority() + "/");
        for (String path : List.of("v1/models", "api/v1/models", "models")) {
            out.add(origin.resolve(path));
        }
        return List.copyOf(out);
    }

    private List<String> fetch(URI uri, String apiKey, boolean ollama) {
        Map<String, String> headers = apiKey == null ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Authorization", "Bearer " + apiKey);
        try {
            OutboundHttp.Response response = http.get(uri, headers, Duration.ofSeconds(8), MAX_BYTES);
            return response.status() != 200 ? List.of() : ids(json.readTree(response.body()), ollama);
        } catch (OutboundHttp.OutboundException | JacksonException e) {
            return List.of();
        }
    }

    private static List<String> ids(JsonNode body, boolean ollama) {
        JsonNode list = ollama ? body.path("models") : body.isArray() ? body : body.path("data");
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode entry : list) {
            String id = entry.isString() ? entry.asString()
                    : entry.path(ollama ? "name" : "id").asString(entry.path("name").asString(""));
            if (!id.isBlank() && id.length() <= 200) {
                ids.add(id);
            }
            if (ids.size() >= 1000) {
                break;
            }
        }
        return List.copyOf(ids);
    }

    /** {@code org/llama3.1:8b-instruct} → {@code Llama3.1 8b Instruct}. */
    static String displayName(String modelId) {
        String name = modelId.contains("/") ? modelId.substring(modelId.lastIndexOf('/') + 1) : modelId;
        String[] words = name.replace(':', ' ').replace('-', ' ').replace('_', ' ').trim().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return out.isEmpty() ? modelId : out.toString();
    }
}
