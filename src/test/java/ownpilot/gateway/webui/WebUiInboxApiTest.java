package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The Inbox page (web-ui-client.md §3.12, CH1–CH5) with the bodies the UI sends: the Add Channel
 * modal's id and comma-split lists, the channel list's status and bot name, the inbox's messages with
 * a sender each and the unread count, marking read, a reply and the Test button through {@code send}.
 */
class WebUiInboxApiTest extends ApiTestBase {

    @Test
    void theInboxPageAddsAChannelListsItsMessagesMarksThemReadAndReplies() {
        String token = "7300:AAHwebUiInboxToken" + UUID.randomUUID().toString().replace("-", "");
        String id = "telegram-" + System.currentTimeMillis();
        Api.Response added = api.post("/api/v1/channels", Map.of("id", id, "type", "telegram", "name", "Inbox bot",
                "config", Map.of("botToken", token, "allowedUsers", List.of("6006", "6007"), "allowedChats", List.of(),
                        "webhookUrl", "https://ui.example/" + id, "autoReply", false)));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().path("success").asBoolean()).isTrue();

        JsonNode channel = api.get("/api/v1/channels").data().path("channels").valueStream()
                .filter(c -> c.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(channel.path("type").asString()).isEqualTo("telegram");
        assertThat(channel.path("name").asString()).isEqualTo("Inbox bot");
        assertThat(channel.path("status").asString()).isIn("connected", "disconnected", "connecting", "error");
        assertThat(channel.path("botInfo").path("username").asString()).isEqualTo("ownpilot_bot");

        String secret = PLATFORMS.calls("/setWebhook").stream().filter(r -> r.path().contains(token)).findFirst()
                .orElseThrow().body().path("secret_token").asString();
        api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels/" + id + "/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\":9900001,\"message\":{\"message_id\":3,"
                        + "\"from\":{\"id\":6006,\"is_bot\":false,\"first_name\":\"Ada\"},\"chat\":{\"id\":6006,"
                        + "\"type\":\"private\"},\"date\":1700000000,\"text\":\"Hi from the UI test\"}}")));
        awaitListeners();

        JsonNode inbox = api.get("/api/v1/channels/messages/inbox?limit=100").data();
        assertThat(inbox.path("unreadCount").isNumber()).isTrue();
        assertThat(inbox.path("messages").valueStream()).allSatisfy(m -> {
            assertThat(m.path("sender").isObject()).isTrue();
            assertThat(m.path("sender").path("id").isString()).isTrue();
            assertThat(m.path("read").isBoolean()).isTrue();
            assertThat(m.path("replied").isBoolean()).isTrue();
            assertThat(m.path("timestamp").isString()).isTrue();
        });
        JsonNode message = api.get("/api/v1/channels/messages/inbox?limit=100&channelType=telegram").data()
                .path("messages").valueStream().filter(m -> m.path("channelId").asString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(message.path("channelType").asString()).isEqualTo("telegram");
        assertThat(message.path("content").asString()).isEqualTo("Hi from the UI test");
        assertThat(message.path("sender").path("name").asString()).isEqualTo("Ada");
        assertThat(message.path("metadata").path("chatId").asString()).isEqualTo("6006");

        assertThat(api.post("/api/v1/channels/messages/" + message.path("id").asString() + "/read", "").status())
                .isEqualTo(200);
        Api.Response reply = api.post("/api/v1/channels/" + id + "/send", Map.of("content", "Hello Ada",
                "replyToId", message.path("id").asString(), "chatId", message.path("sender").path("id").asString()));
        assertThat(reply.status()).isEqualTo(200);
        Api.Response test = api.post("/api/v1/channels/" + id + "/send", Map.of("content",
                "Test message from OwnPilot at 12:00:00"));
        assertThat(test.body().path("success").asBoolean()).isTrue();
        List<JsonNode> sent = PLATFORMS.calls("/sendMessage").stream().filter(r -> r.path().contains(token))
                .map(r -> r.body()).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).path("reply_parameters").path("message_id").asLong()).isEqualTo(3);
        assertThat(sent).allSatisfy(b -> assertThat(b.path("chat_id").asString()).isEqualTo("6006"));

        JsonNode after = api.get("/api/v1/channels/messages/inbox?limit=100").data().path("messages").valueStream()
                .filter(m -> m.path("id").asString().equals(message.path("id").asString())).findFirst().orElseThrow();
        assertThat(after.path("read").asBoolean()).isTrue();
        assertThat(after.path("replied").asBoolean()).isTrue();

        Api.Response matrix = api.post("/api/v1/channels", Map.of("id", "matrix-" + System.currentTimeMillis(),
                "type", "matrix", "name", "M", "config", Map.of("homeserverUrl", "https://m.example")));
        assertThat(matrix.body().path("error").path("message").asString()).contains("supported: telegram, slack, discord");
    }
}
