package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;

/** {@code /actuator/prometheus}: HTTP, model calls, tool runs, streams, sockets and the database pool. */
class MetricsApiTest extends ApiTestBase {

    @Test
    void prometheusShowsTheGatewaysOwnMetrics() {
        api.post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "2*3")));
        LLM.reset();
        api.put("/api/v1/providers/openai/config", Map.of("baseUrl", LLM.baseUrl()));
        api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "sk-metrics-0123456789abcdef"));
        LLM.enqueue(new FakeLlmServer.Text(List.of("measured"), 0));
        api.post("/api/v1/chat", Map.of("message", "hi", "provider", "openai", "model", "gpt-metrics",
                "newConversation", true));

        Api.Response scrape = api.send(HttpRequest.newBuilder(api.uri("/actuator/prometheus")).GET());
        assertThat(scrape.status()).isEqualTo(200);
        String text = scrape.raw().body();
        assertThat(text).contains("http_server_requests_seconds_count", "ownpilot_tool_runs_seconds_count",
                "ownpilot_sse_streams_open", "ownpilot_websocket_sessions", "hikaricp_connections");
        assertThat(text).containsPattern("ownpilot_model_calls_seconds_count\\{[^}]*model=\"gpt-metrics\"[^}]*"
                + "outcome=\"success\"");
        assertThat(text).containsPattern("ownpilot_model_tokens_total\\{[^}]*direction=\"output\"");
        assertThat(text).doesNotContain("sk-metrics");
    }
}
