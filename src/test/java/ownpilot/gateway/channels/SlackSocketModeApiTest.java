package ownpilot.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.FakePlatforms;
import ownpilot.gateway.support.FakeSlackSocket;

/**
 * Slack Socket Mode against a fake WebSocket endpoint: the gateway connects with the app-level token,
 * acknowledges each envelope, stores a redelivered one once, answers in the thread, and disconnects
 * when the channel is deleted.
 */
class SlackSocketModeApiTest extends ApiTestBase {

    @Test
    void socketModeEventsAreAcknowledgedStoredOnceAndAnsweredInTheirThread() throws Exception {
        useFakeOpenAi("sk-channels-socket-1");
        try (FakeSlackSocket socket = new FakeSlackSocket()) {
            PLATFORMS.socketUrl(socket.url());
            String agent = api.post("/api/v1/agents", Map.of("name", "Socket agent " + UUID.randomUUID(),
                    "systemPrompt", "Brief.", "provider", "openai", "model", "gpt-test")).data().path("id").asString();
            String id = "slack-socket-" + UUID.randomUUID().toString().substring(0, 8);
            Api.Response created = api.post("/api/v1/channels", Map.of("id", id, "type", "slack", "agentId", agent,
                    "config", Map.of("botToken", "xoxb-socket-" + UUID.randomUUID(), "appToken",
                            "xapp-1-socket-" + UUID.randomUUID(), "allowedUsers", List.of("U42"))));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.data().path("mode").asString()).isEqualTo("socket");
            eventually("the gateway opened the socket", () -> socket.connected() == 1);
            socket.send("{\"type\":\"hello\",\"num_connections\":1}");
            eventually("connected", () -> api.get("/api/v1/channels/" + id).data().path("status").asString()
                    .equals("connected"));

            String envelope = "{\"envelope_id\":\"env-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                    + "\"payload\":{\"type\":\"event_callback\",\"event_id\":\"EvS1\",\"team_id\":\"T1\",\"event\":{"
                    + "\"type\":\"message\",\"user\":\"U42\",\"text\":\"Plan my week\",\"channel\":\"CSOCK\","
                    + "\"channel_type\":\"channel\",\"ts\":\"1700000100.000100\"}}}";
            LLM.enqueue(new FakeLlmServer.Text(List.of("Monday: rest."), 0));
            socket.send(envelope);
            eventually("acknowledged", () -> socket.received().contains("{\"envelope_id\":\"env-1\"}"));
            socket.send(envelope.replace("env-1", "env-2"));
            eventually("the redelivery acknowledged too", () -> socket.received().contains("{\"envelope_id\":\"env-2\"}"));
            eventually("the answer in the thread", () -> posts().size() == 1);
            awaitListeners();
            assertThat(posts()).hasSize(1);
            assertThat(posts().getFirst().body().path("thread_ts").asString()).isEqualTo("1700000100.000100");
            assertThat(posts().getFirst().body().path("text").asString()).isEqualTo("Monday: rest.");
            assertThat(jdbc.sql("SELECT count(*) FROM channel_messages WHERE channel_id = :id AND direction = 'inbound'")
                    .param("id", id).query(Long.class).single()).isEqualTo(1);

            assertThat(api.delete("/api/v1/channels/" + id).status()).isEqualTo(200);
            eventually("the socket closed", () -> socket.connected() == 0);
        }
    }

    private static List<FakePlatforms.Recorded> posts() {
        return PLATFORMS.calls("/chat.postMessage").stream().filter(r -> r.body().path("channel").asString()
                .equals("CSOCK")).toList();
    }
}
