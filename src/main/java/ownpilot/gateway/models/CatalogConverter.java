package ownpilot.gateway.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.settings.ProviderIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a models.dev document ({@code {<provider>: {id, name, env, api, doc, models{...}}}}) into one
 * catalog file per provider.
 *
 * <p>Per model: capabilities {@code chat}; {@code vision} when image or video input; {@code audio} when
 * audio input; {@code function_calling} from {@code tool_call}; {@code json_mode} from
 * {@code structured_output}; {@code reasoning}; {@code streaming} always. Missing limits become
 * 8,192 context / 4,096 output, missing prices 0 (USD per million tokens). Models are sorted newest
 * {@code release_date} first (undated last, then by name); the first is the default.
 * Per provider: {@code apiKeyEnv} = first variable ending in _KEY or _TOKEN (else the first, else
 * {@code <ID>_API_KEY}); {@code type} native for openai, anthropic and google (and the Vertex
 * variants), else {@code openai-compatible}; {@code baseUrl} from models.dev, else from
 * {@link #KNOWN_ENDPOINTS}, else {@code null} with a note (clouds with per-account endpoints).
 * Providers without models are skipped.
 */
final class CatalogConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Real public endpoints of providers whose models.dev entry has no {@code api} URL. */
    static final Map<String, String> KNOWN_ENDPOINTS = Map.ofEntries(
            Map.entry("openai", "https://api.openai.com/v1"),
            Map.entry("anthropic", "https://api.anthropic.com/v1"),
            Map.entry("google", "https://generativelanguage.googleapis.com/v1beta"),
            Map.entry("xai", "https://api.x.ai/v1"),
            Map.entry("groq", "https://api.groq.com/openai/v1"),
            Map.entry("mistral", "https://api.mistral.ai/v1"),
            Map.entry("cohere", "https://api.cohere.ai/compatibility/v1"),
            Map.entry("togetherai", "https://api.together.xyz/v1"),
            Map.entry("perplexity", "https://api.perplexity.ai"),
            Map.entry("deepinfra", "https://api.deepinfra.com/v1/openai"),
            Map.entry("cerebras", "https://api.cerebras.ai/v1"),
            Map.entry("venice", "https://api.venice.ai/api/v1"),
            Map.entry("vercel", "https://ai-gateway.vercel.sh/v1"),
            Map.entry("v0", "https://api.v0.dev/v1"));

    private CatalogConverter() {}

    /**
     * Provider id → catalog file, for every provider with at least one model. Ids come from outside
     * and become file names: one that is not a provider id ({@code ../x}, {@code a/b}) is skipped.
     */
    static Map<String, ObjectNode> convert(JsonNode modelsDev) {
        Map<String, ObjectNode> out = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> e : modelsDev.properties()) {
            if (!ProviderIds.isValid(e.getKey())) {
                continue;
            }
            ObjectNode provider = provider(e.getKey(), e.getValue());
            if (provider != null) {
                out.put(e.getKey(), provider);
            }
        }
        return out;
    }

    static ObjectNode provider(String id, JsonNode source) {
        List<ObjectNode> models = new ArrayList<>();
        source.path("models").properties().forEach(m -> models.add(model(m.getKey(), m.getValue())));
        if (models.isEmpty()) {
            return null;
        }
        models.sort(Comparator.comparing((ObjectNode m) -> m.path("releaseDate").asString(""),
                Comparator.reverseOrder()).thenComparing(m -> m.path("name").asString()));
        ObjectNode file = NODES.objectNode();
        file.put("id", id);
        file.put("name", source.path("name").asString(id));
        file.put("type", type(id));
        String baseUrl = source.path("api").isString() ? source.path("api").asString() : KNOWN_ENDPOINTS.get(id);
        file.put("baseUrl", baseUrl);
        file.put("apiKeyEnv", apiKeyEnv(id, source.path("env")));
        file.put("docsUrl", source.path("doc").asString(null));
        if (baseUrl == null) {
            file.put("notes", "This provider has per-account endpoints: set baseUrl in the provider config.");
        }
        ObjectNode features = file.putObject("features");
        features.put("streaming", true);
        features.put("toolUse", any(models, "function_calling"));
        features.put("vision", any(models, "vision"));
        features.put("jsonMode", any(models, "json_mode"));
        features.put("reasoning", any(models, "reasoning"));
        features.put("systemMessage", true);
        ArrayNode list = file.putArray("models");
        for (int i = 0; i < models.size(); i++) {
            list.add(models.get(i).put("default", i == 0));
        }
        file.put("source", "models.dev");
        return file;
    }

    private static ObjectNode model(String id, JsonNode m) {
        ObjectNode out = NODES.objectNode();
        out.put("id", id);
        out.put("name", m.path("name").asString(id));
        out.put("contextWindow", m.path("limit").path("context").asInt(0) > 0 ? m.path("limit").path("context").asInt()
                : 8192);
        out.put("maxOutput", m.path("limit").path("output").asInt(0) > 0 ? m.path("limit").path("output").asInt() : 4096);
        out.put("inputPrice", m.path("cost").path("input").asDouble(0));
        out.put("outputPrice", m.path("cost").path("output").asDouble(0));
        ArrayNode capabilities = out.putArray("capabilities");
        capabilities.add("chat");
        List<String> input = new ArrayList<>();
        m.path("modalities").path("input").forEach(v -> input.add(v.asString()));
        if (input.contains("image") || input.contains("video")) {
            capabilities.add("vision");
        }
        if (input.contains("audio")) {
            capabilities.add("audio");
        }
        if (m.path("tool_call").asBoolean(false)) {
            capabilities.add("function_calling");
        }
        if (m.path("structured_output").asBoolean(false)) {
            capabilities.add("json_mode");
        }
        if (m.path("reasoning").asBoolean(false)) {
            capabilities.add("reasoning");
        }
        capabilities.add("streaming");
        if (m.path("release_date").isString()) {
            out.put("releaseDate", m.path("release_date").asString());
        }
        return out;
    }

    private static boolean any(List<ObjectNode> models, String capability) {
        return models.stream().anyMatch(m -> m.path("capabilities").valueStream()
                .anyMatch(c -> c.asString().equals(capability)));
    }

    static String type(String id) {
        return switch (id) {
            case "openai" -> "openai";
            case "anthropic", "google-vertex-anthropic" -> "anthropic";
            case "google", "google-vertex" -> "google";
            default -> "openai-compatible";
        };
    }

    static String apiKeyEnv(String id, JsonNode env) {
        String first = null;
        for (JsonNode v : env) {
            String name = v.asString();
            if (name.endsWith("_KEY") || name.endsWith("_TOKEN")) {
                return name;
            }
            first = first == null ? name : first;
        }
        return first != null ? first : id.toUpperCase().replace('-', '_').replace('.', '_') + "_API_KEY";
    }
}
