package ownpilot.gateway.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import ownpilot.gateway.models.ModelEndpoint;

/**
 * Built langchain4j models, reused across calls with the same endpoint, key and sampling settings
 * (building one costs service lookups and client setup on every call otherwise). Models beyond the
 * bound are dropped, least used first; a model is built once per key, without blocking calls that
 * need other models while it is built.
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
    private final Cache<Key, StreamingChatModel> models = Caffeine.newBuilder().maximumSize(MAX_MODELS).build();

    ModelCache(LlmTransport transport) {
        this.http = new UpstreamHttpClient(transport.http, transport.headersTimeout, transport.readers);
    }

    StreamingChatModel get(ModelEndpoint endpoint, ModelRequest request) {
        Key key = new Key(endpoint.type(), endpoint.baseUrl(), endpoint.apiKey(), request.model(),
                request.maxTokens(), request.temperature());
        return models.get(key, k -> LangchainModels.streaming(endpoint, request, http.builder()));
    }
}
