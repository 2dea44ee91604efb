package ownpilot.gateway.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.models.ModelEndpoint;

/**
 * Built langchain4j models, reused across calls with the same endpoint, key and sampling settings
 * (building one costs service lookups and client setup on every call otherwise). Least recently used
 * models beyond the bound are dropped.
 */
@Component
class ModelCache {

    private static final int MAX_MODELS = 256;

    /** What a built model depends on. The key is part of it; {@link #toString} never shows it. */
    private record Key(String type, String baseUrl, String apiKey, String model, Integer maxTokens,
            Double temperature) {

        @Override
        public String toString() {
            return "Key[" + type + ", " + baseUrl + ", " + model + "]";
        }
    }

    private final UpstreamHttpClient http;
    private final Map<Key, StreamingChatModel> models = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, StreamingChatModel> eldest) {
            return size() > MAX_MODELS;
        }
    };

    ModelCache(LlmTransport transport) {
        this.http = new UpstreamHttpClient(transport.http, transport.headersTimeout, transport.readers);
    }

    synchronized StreamingChatModel get(ModelEndpoint endpoint, ModelRequest request) {
        Key key = new Key(endpoint.type(), endpoint.baseUrl(), endpoint.apiKey(), request.model(),
                request.maxTokens(), request.temperature());
        return models.computeIfAbsent(key, k -> LangchainModels.streaming(endpoint, request, http.builder()));
    }
}
