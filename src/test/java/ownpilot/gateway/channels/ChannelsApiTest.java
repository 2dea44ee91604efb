package ownpilot.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.FakePlatforms;
import ownpilot.gateway.support.HostileInput;
import tools.jackson.databind.JsonNode;

/**
 * Channels against fake Telegram, Slack and Discord servers and the fake model server: verified
 * webhooks (bad, replayed and missing signatures store nothing), one message and one answer per
 * delivery, allow-lists, the answer in the right chat or thread, the inbox, replies and sends, and
 * credentials that appear in no response, row or log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelsApiTest extends ApiTestBase {

    static final String TELEGRAM_TOKEN_PREFIX = "7001:AAHtelegramSecretTokenValue";

    @Test
    void aTelegramMessageFromAnAllowedUserIsStoredOnceAndAnsweredOnceInItsChat(CapturedOutput output)
            throws Exception {
        useFakeOpenAi("sk-channels-telegram-1");
        String token = TELEGRAM_TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
        String id = "tg-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/channels", Map.of("id", id, "type", "telegram", "name", "My bot",
                "agentId", agent(), "config", Map.of("botToken", token, "allowedUsers", List.of(1001), "webhookUrl", "https://gw.example/hook")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("status").asString()).isEqualTo("connected");
        assertThat(created.data().path("mode").asString()).isEqualTo("webhook");
        assertThat(created.data().path("botInfo").path("username").asString()).isEqualTo("ownpilot_bot");
        assertThat(created.data().path("config").path("botToken").asString()).isNotEqualTo(token).contains("…");
        FakePlatforms.Recorded hook = PLATFORMS.calls("/setWebhook").stream().filter(r -> r.path().contains(token))
                .findFirst().orElseThrow();
        assertThat(hook.body().path("url").asString()).isEqualTo("https://gw.example/hook");
        String secret = hook.body().path("secret_token").asString();
        assertThat(secret).hasSizeGreaterThan(20);

        String update = telegramUpdate(9_000_001, 1001, 1001, 77, "What is 6*7?");
        assertThat(postTelegram(id, "wrong-secret", update).status()).isEqualTo(401);
        assertThat(postTelegram(id, null, update).status()).isEqualTo(401);
        assertThat(postTelegram("no-such-channel", secret, update).status()).isEqualTo(401);
        assertThat(messages(id)).as("nothing stored from a refused delivery").isZero();

        LLM.enqueue(new FakeLlmServer.Text(List.of("It is ", "42."), 0));
        assertThat(postTelegram(id, secret, update).status()).isEqualTo(200);
        assertThat(postTelegram(id, secret, update).status()).as("Telegram's retry").isEqualTo(200);
        eventually("the answer reached Telegram", () -> sent(token).size() == 1);
        awaitListeners();
        JsonNode answer = sent(token).getFirst().body();
        assertThat(answer.path("chat_id").asString()).isEqualTo("1001");
        assertThat(answer.path("text").asString()).isEqualTo("It is 42.");
        assertThat(answer.path("reply_parameters").path("message_id").asLong()).isEqualTo(77);
        assertThat(messages(id)).as("one inbound and one outbound").isEqualTo(2);
        assertThat(LLM.requests()).hasSize(1);
        assertThat(jdbc.sql("SELECT actor_type || ':' || actor_id FROM messages WHERE role = 'user' AND content = 'What is 6*7?'")
                .query(String.class).list()).containsExactly("channel:" + id);

        LLM.enqueue(new FakeLlmServer.Text(List.of("Still 42."), 0));
        postTelegram(id, secret, telegramUpdate(9_000_002, 1001, 1001, 78, "And again?"));
        eventually("the second answer", () -> sent(token).size() == 2);
        awaitListeners();
        List<JsonNode> inbound = inbox("?limit=10").stream().filter(m -> m.path("channelId").asString().equals(id)
                && m.path("direction").asString().equals("inbound")).toList();
        assertThat(inbound).hasSize(2).allSatisfy(m -> assertThat(m.path("replied").asBoolean()).isTrue());
        assertThat(inbound.get(0).path("conversationId").asString()).as("one conversation per chat")
                .isEqualTo(inbound.get(1).path("conversationId").asString()).isNotEmpty();
        assertThat(LLM.requests().get(1).body().toString()).as("the chat's history reaches the model")
                .contains("What is 6*7?");

        for (Api.Response r : List.of(api.get("/api/v1/channels"), api.get("/api/v1/channels/" + id),
                api.get("/api/v1/channels/messages/inbox"), created)) {
            assertThat(r.raw().body()).doesNotContain(token).doesNotContain(secret);
        }
        assertThat(jdbc.sql("SELECT config::text || secrets FROM channels WHERE id = :id").param("id", id)
                .query(String.class).single()).doesNotContain(token).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(secret);
    }

    @Test
    void aBlockedSenderIsStoredAsBlockedAndGetsNoModelCall() throws Exception {
        useFakeOpenAi("sk-channels-blocked-1");
        String token = TELEGRAM_TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
        String id = telegram(token, List.of(1001));
        String secret = secretOf(token);
        assertThat(postTelegram(id, secret, telegramUpdate(9_100_001, 2002, 2002, 5, "let me in")).status())
                .isEqualTo(200);
        awaitListeners();
        JsonNode stored = inbox("?limit=50").stream().filter(m -> m.path("channelId").asString().equals(id))
                .findFirst().orElseThrow();
        assertThat(stored.path("status").asString()).isEqualTo("blocked");
        assertThat(stored.path("blocked").asBoolean()).isTrue();
        assertThat(stored.path("sender").path("id").asString()).isEqualTo("2002");
        assertThat(LLM.requests()).as("no model call").isEmpty();
        assertThat(sent(token)).as("no answer").isEmpty();
        assertThat(api.get("/api/v1/channels/messages/inbox?filter=unanswered&limit=1000").data().path("messages")
                .valueStream().map(m -> m.path("id").asString())).doesNotContain(stored.path("id").asString());
    }

    @Test
    void theInboxFiltersMarksReadAndRepliesAndSendsReachThePlatform() throws Exception {
        useFakeOpenAi("sk-channels-inbox-1");
        String token = TELEGRAM_TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
        String id = telegram(token, List.of(3003));
        api.patch("/api/v1/channels/" + id, Map.of("config", Map.of("autoReply", false)));
        postTelegram(id, secretOf(token), telegramUpdate(9_200_001, 3003, -100777, 11, "Please call me"));
        awaitListeners();
        JsonNode inbox = api.get("/api/v1/channels/messages/inbox?channelType=telegram&filter=unread&limit=1000").data();
        JsonNode message = inbox.path("messages").valueStream().filter(m -> m.path("channelId").asString().equals(id))
                .findFirst().orElseThrow();
        long unread = inbox.path("unreadCount").asLong();
        assertThat(message.path("read").asBoolean()).isFalse();
        assertThat(message.path("replied").asBoolean()).isFalse();
        assertThat(message.path("metadata").path("chatId").asString()).isEqualTo("-100777");
        assertThat(message.path("sender").path("name").asString()).isEqualTo("User 3003");
        assertThat(sent(token)).as("autoReply off").isEmpty();

        String messageId = message.path("id").asString();
        assertThat(api.post("/api/v1/channels/messages/" + messageId + "/read", "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/channels/messages/inbox?filter=unread&channelType=telegram&limit=1000").data()
                .path("unreadCount").asLong()).isEqualTo(unread - 1);
        assertThat(api.post("/api/v1/channels/messages/no-such/read", "").status()).isEqualTo(404);

        Api.Response reply = api.post("/api/v1/channels/messages/" + messageId + "/reply", Map.of("content", "On my way"));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode first = sent(token).getLast().body();
        assertThat(first.path("chat_id").asString()).isEqualTo("-100777");
        assertThat(first.path("reply_parameters").path("message_id").asLong()).isEqualTo(11);
        assertThat(api.get("/api/v1/channels/messages/inbox?filter=unanswered&limit=1000").data().path("messages")
                .valueStream().map(m -> m.path("id").asString())).doesNotContain(messageId);

        Api.Response send = api.post("/api/v1/channels/" + id + "/send", Map.of("content", "Test message from OwnPilot"));
        assertThat(send.status()).isEqualTo(200);
        assertThat(send.data().path("sent").asBoolean()).isTrue();
        assertThat(sent(token).getLast().body().path("chat_id").asString()).as("the chat that wrote last")
                .isEqualTo("-100777");
        api.post("/api/v1/channels/" + id + "/send", Map.of("content", "x".repeat(9000), "replyToId", messageId));
        assertThat(sent(token)).hasSize(5).allSatisfy(r -> assertThat(r.body().path("text").asString().length())
                .isLessThanOrEqualTo(4096));
        assertThat(sent(token).get(2).body().has("reply_parameters")).as("the first part replies").isTrue();
        assertThat(sent(token).get(3).body().has("reply_parameters")).isFalse();
        assertThat(messages(id)).as("one inbound, three outbound").isEqualTo(4);

        PLATFORMS.sendStatus(400);
        try {
            Api.Response refused = api.post("/api/v1/channels/" + id + "/send", Map.of("content", "hello", "chatId", "42"));
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.errorCode()).isEqualTo("SEND_FAILED");
            assertThat(refused.raw().body()).contains("chat not found").doesNotContain(token);
        } finally {
            PLATFORMS.sendStatus(200);
        }
        HostileInput.expect4xx(api.post("/api/v1/channels/" + id + "/send", Map.of("content", "")), "empty content");
        HostileInput.expect4xx(api.post("/api/v1/channels/" + id + "/send", Map.of("content", "a", "chatId", "../x")),
                "chat id");
        HostileInput.expect4xx(api.post("/api/v1/channels/" + id + "/send", Map.of("content", "a", "replyToId", "nope")),
                "unknown reply");
    }

    @Test
    void slackDeliveriesAreVerifiedDeduplicatedAndAnsweredInTheirThread() throws Exception {
        useFakeOpenAi("sk-channels-slack-1");
        String signing = "slack-signing-" + UUID.randomUUID();
        String id = "slack-" + UUID.randomUUID().toString().substring(0, 8);
        String chat = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response created = api.post("/api/v1/channels", Map.of("id", id, "type", "slack", "agentId", agent(), "config", Map.of(
                "botToken", "xoxb-slack-bot-token-" + UUID.randomUUID(), "signingSecret", signing,
                "allowedWorkspaces", List.of("T1"))));
        assertThat(created.data().path("status").asString()).isEqualTo("connected");
        assertThat(created.data().path("botInfo").path("id").asString()).isEqualTo("UBOT");

        String challenge = "{\"type\":\"url_verification\",\"challenge\":\"abc123\",\"token\":\"t\"}";
        long now = Instant.now().getEpochSecond();
        Api.Response verified = postSlack(id, challenge, now, slackSignature(signing, now, challenge));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("challenge").asString()).isEqualTo("abc123");

        String event = slackEvent("Ev1", chat, "1700000001.000200", "Summarise my day");
        assertThat(postSlack(id, event, now, slackSignature("wrong", now, event)).status()).isEqualTo(401);
        assertThat(postSlack(id, event, now - 600, slackSignature(signing, now - 600, event)).status())
                .as("replayed timestamp").isEqualTo(401);
        assertThat(postSlack(id, event, now, null).status()).as("missing header").isEqualTo(401);
        assertThat(postSlack(id, event + " ", now, slackSignature(signing, now, event)).status()).as("changed body")
                .isEqualTo(401);
        assertThat(messages(id)).isZero();

        LLM.enqueue(new FakeLlmServer.Text(List.of("Here is **your** day."), 0));
        assertThat(postSlack(id, event, now, slackSignature(signing, now, event)).status()).isEqualTo(200);
        String mention = slackEvent("Ev2", chat, "1700000001.000200", "<@UBOT> Summarise my day")
                .replace("\"type\":\"message\"", "\"type\":\"app_mention\"");
        assertThat(postSlack(id, mention, now, slackSignature(signing, now, mention)).status())
                .as("the app_mention of the same message").isEqualTo(200);
        eventually("the Slack answer", () -> slackPosts(chat).size() == 1);
        awaitListeners();
        JsonNode posted = slackPosts(chat).getFirst().body();
        assertThat(posted.path("thread_ts").asString()).isEqualTo("1700000001.000200");
        assertThat(posted.path("text").asString()).isEqualTo("Here is *your* day.");
        assertThat(slackPosts(chat)).hasSize(1);
        assertThat(messages(id)).isEqualTo(2);

        String own = "{\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\","
                + "\"bot_id\":\"B1\",\"user\":\"UBOT\",\"text\":\"Here is your day.\",\"channel\":\"" + chat
                + "\",\"ts\":\"1700000002.000100\"}}";
        postSlack(id, own, now, slackSignature(signing, now, own));
        String outsider = slackEvent("Ev4", chat, "1700000003.000100", "hi").replace("\"T1\"", "\"T9\"");
        postSlack(id, outsider, now, slackSignature(signing, now, outsider));
        awaitListeners();
        assertThat(messages(id)).as("the bot's own message is not stored; another workspace is blocked").isEqualTo(3);
        assertThat(slackPosts(chat)).hasSize(1);
    }

    @Test
    void discordInteractionsAreVerifiedWithEd25519AndAnsweredThroughTheInteraction() throws Exception {
        useFakeOpenAi("sk-channels-discord-1");
        String id = "discord-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/channels", Map.of("id", id, "type", "discord", "agentId", agent(), "config", Map.of(
                "botToken", "discord-bot-token-" + UUID.randomUUID(), "applicationId", "123456789",
                "allowedGuilds", List.of("777"))));
        assertThat(created.data().path("status").asString()).isEqualTo("connected");
        assertThat(created.data().path("config").path("publicKey").asString()).as("learnt, and masked").contains("…");

        String ping = "{\"type\":1,\"id\":\"p1\"}";
        String ts = String.valueOf(Instant.now().getEpochSecond());
        Api.Response pong = postDiscord(id, ping, ts, PLATFORMS.signDiscord(ts, ping));
        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.raw().body()).isEqualTo("{\"type\":1}");
        String stale = String.valueOf(Instant.now().getEpochSecond() - 900);
        assertThat(postDiscord(id, ping, stale, PLATFORMS.signDiscord(stale, ping)).status()).isEqualTo(401);
        assertThat(postDiscord(id, ping, ts, "00".repeat(64)).status()).isEqualTo(401);
        assertThat(postDiscord(id, ping, ts, null).status()).isEqualTo(401);

        String token = "interaction-token-" + UUID.randomUUID();
        String command = "{\"type\":2,\"id\":\"int-" + UUID.randomUUID() + "\",\"token\":\"" + token + "\","
                + "\"channel_id\":\"555\",\"guild_id\":\"777\",\"member\":{\"user\":{\"id\":\"u1\",\"username\":\"alice\"}},"
                + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"prompt\",\"type\":3,\"value\":\"What is up?\"}]}}";
        LLM.enqueue(new FakeLlmServer.Text(List.of("All good."), 0));
        Api.Response ack = postDiscord(id, command, ts, PLATFORMS.signDiscord(ts, command));
        assertThat(ack.raw().body()).isEqualTo("{\"type\":5}");
        String edit = "/discord/webhooks/123456789/" + token + "/messages/@original";
        eventually("the answer replaced the acknowledgement", () -> !PLATFORMS.calls(edit).isEmpty());
        assertThat(PLATFORMS.calls(edit).getFirst().method()).isEqualTo("PATCH");
        assertThat(PLATFORMS.calls(edit).getFirst().body().path("content").asString()).isEqualTo("All good.");
        awaitListeners();
        assertThat(messages(id)).isEqualTo(2);

        String outsider = command.replace("\"777\"", "\"888\"").replace("int-", "int-x");
        Api.Response blocked = postDiscord(id, outsider, ts, PLATFORMS.signDiscord(ts, outsider));
        assertThat(blocked.body().path("type").asInt()).isEqualTo(4);
        assertThat(blocked.body().path("data").path("flags").asInt()).isEqualTo(64);
    }

    @Test
    void aFailedTurnSendsAShortApologyAndAParkedCallIsToldInTheChat() throws Exception {
        useFakeOpenAi("sk-channels-failure-1");
        String token = TELEGRAM_TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
        String id = telegram(token, List.of(4004));
        String secret = secretOf(token);
        LLM.enqueue(new FakeLlmServer.Status(400, "{\"error\":{\"message\":\"bad request at line 1\"}}"));
        postTelegram(id, secret, telegramUpdate(9_300_001, 4004, 4004, 1, "Hello?"));
        eventually("the apology", () -> sent(token).size() == 1);
        assertThat(sent(token).getFirst().body().path("text").asString()).isEqualTo(ChannelAnswers.APOLOGY);

        api.patch("/api/v1/autonomy/config", Map.of("level", 0));
        try {
            String taskId = api.post("/api/v1/tasks", Map.of("title", "Channel " + UUID.randomUUID())).data()
                    .path("id").asString();
            LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool", "{\"tool_name\":\"delete_task\","
                    + "\"arguments\":{\"taskId\":\"" + taskId + "\"}}", 2),
                    new FakeLlmServer.Text(List.of("I asked to delete it."), 0));
            postTelegram(id, secret, telegramUpdate(9_300_002, 4004, 4004, 2, "Delete that task"));
            eventually("the answer with the parked call", () -> sent(token).size() == 2);
            String text = sent(token).get(1).body().path("text").asString();
            assertThat(text).startsWith("I asked to delete it.").contains("Waiting for your approval").contains("delete_task");
            assertThat(api.get("/api/v1/tasks/" + taskId).status()).as("not run without approval").isEqualTo(200);
            awaitListeners();
        } finally {
            api.post("/api/v1/autonomy/config/reset", "");
        }
    }

    @Test
    void channelMessagesFireTriggersAndANotificationCanGoToAChannel() throws Exception {
        useFakeOpenAi("sk-channels-trigger-1");
        String token = TELEGRAM_TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
        String id = telegram(token, List.of(5005));
        api.patch("/api/v1/channels/" + id, Map.of("config", Map.of("autoReply", false)));
        String trigger = api.post("/api/v1/triggers", Map.of("name", "Echo to channel " + id, "type", "event",
                "config", Map.of("eventType", "channel_message", "filters", Map.of("channelId", id)),
                "action", Map.of("type", "notification", "payload", Map.of("title", "Heard you",
                        "message", "A message came in", "channelId", id)))).data().path("trigger").path("id").asString();
        postTelegram(id, secretOf(token), telegramUpdate(9_400_001, 5005, 5005, 9, "ping"));
        eventually("the trigger's notification reached the chat", () -> sent(token).size() == 1);
        assertThat(sent(token).getFirst().body().path("chat_id").asString()).isEqualTo("5005");
        assertThat(sent(token).getFirst().body().path("text").asString()).isEqualTo("Heard you\n\nA message came in");
        eventually("the fire is in the trigger's history", () -> api.get("/api/v1/triggers/" + trigger + "/history")
                .data().path("history").size() == 1);
        assertThat(api.get("/api/v1/triggers/" + trigger + "/history").data().path("history").get(0).path("status")
                .asString()).isEqualTo("success");
        api.delete("/api/v1/triggers/" + trigger);
    }

    @Test
    void badChannelBodiesAre4xxAndStoreNothing() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/channels", Map.of("type", "telegram", "name", "Hostile",
                "config", Map.of("botToken", "7002:AAHhostileTokenValue0123456789", "webhookUrl", "https://gw.example/x")),
                "name", "type", "channels", () -> rows("channels"));
        Api.Response matrix = api.post("/api/v1/channels", Map.of("type", "matrix", "config", Map.of()));
        assertThat(matrix.status()).isEqualTo(400);
        assertThat(matrix.raw().body()).contains("telegram, slack, discord");
        long before = rows("channels");
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("type", "telegram", "config", Map.of()),
                Map.<String, Object>of("type", "telegram", "config", Map.of("botToken", "not a token")),
                Map.<String, Object>of("type", "slack", "config", Map.of("botToken", "xoxb-1")),
                Map.<String, Object>of("type", "discord", "config", Map.of("botToken", "b", "applicationId", "12")),
                Map.<String, Object>of("type", "telegram", "id", "../etc", "config", Map.of("botToken", "7003:AAHtokenValue0123456789abcd")),
                Map.<String, Object>of("type", "telegram", "id", "status", "config", Map.of("botToken", "7003:AAHtokenValue0123456789abcd")),
                Map.<String, Object>of("type", "telegram", "config", Map.of("botToken", "7003:AAHtokenValue0123456789abcd",
                        "allowedUsers", "x".repeat(200))),
                Map.<String, Object>of("type", "telegram", "config", Map.of("botToken", "7003:AAHtokenValue0123456789abcd",
                        "parseMode", "Rich")),
                Map.<String, Object>of("type", "telegram", "agentId", "no-such-agent",
                        "config", Map.of("botToken", "7003:AAHtokenValue0123456789abcd")),
                Map.<String, Object>of("type", "telegram", "config", Map.of("botToken", "7003:AAHtokenValue0123456789abcd",
                        "sessionTimeout", 5)))) {
            HostileInput.expect4xx(api.post("/api/v1/channels", body), body.toString());
        }
        assertThat(rows("channels")).isEqualTo(before);
        assertThat(api.get("/api/v1/channels/messages/inbox?filter=everything").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/channels/status").data().path("byType").has("telegram")).isTrue();
    }

    // ---- helpers

    /** The agent the channel answers with (the fake model through openai, whatever the default provider is). */
    private String agent() {
        return api.post("/api/v1/agents", Map.of("name", "Channel agent " + UUID.randomUUID(), "systemPrompt",
                "You answer briefly.", "provider", "openai", "model", "gpt-test")).data().path("id").asString();
    }

    private String telegram(String token, List<Integer> allowed) {
        String id = "tg-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = api.post("/api/v1/channels", Map.of("id", id, "type", "telegram", "agentId", agent(), "config", Map.of(
                "botToken", token, "allowedUsers", allowed, "webhookUrl", "https://gw.example/" + id)));
        assertThat(r.status()).isEqualTo(201);
        return id;
    }

    private static String secretOf(String token) {
        return PLATFORMS.calls("/setWebhook").stream().filter(r -> r.path().contains(token)).findFirst().orElseThrow()
                .body().path("secret_token").asString();
    }

    private static List<FakePlatforms.Recorded> sent(String token) {
        return PLATFORMS.calls("/sendMessage").stream().filter(r -> r.path().contains(token)).toList();
    }

    private static List<FakePlatforms.Recorded> slackPosts(String chat) {
        return PLATFORMS.calls("/chat.postMessage").stream().filter(r -> r.body().path("channel").asString().equals(chat))
                .toList();
    }

    static String telegramUpdate(long updateId, long from, long chat, long messageId, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + messageId + ",\"from\":{\"id\":" + from
                + ",\"is_bot\":false,\"first_name\":\"User\",\"last_name\":\"" + from + "\"},\"chat\":{\"id\":" + chat
                + ",\"type\":\"" + (chat == from ? "private" : "group") + "\"},\"date\":1700000000,\"text\":\"" + text + "\"}}";
    }

    private Api.Response postTelegram(String id, String secret, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/channels/" + id + "/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return api.send(request);
    }

    private static String slackEvent(String eventId, String chat, String ts, String text) {
        return "{\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\","
                + "\"user\":\"U42\",\"text\":\"" + text + "\",\"channel\":\"" + chat + "\",\"channel_type\":\"channel\","
                + "\"ts\":\"" + ts + "\"}}";
    }

    static String slackSignature(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private Api.Response postSlack(String id, String body, long timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/channels/" + id + "/webhook"))
                .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        return api.send(request);
    }

    private Api.Response postDiscord(String id, String body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/channels/" + id + "/webhook"))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature);
        }
        return api.send(request);
    }

    private List<JsonNode> inbox(String query) {
        return api.get("/api/v1/channels/messages/inbox" + query).data().path("messages").valueStream().toList();
    }

    private long messages(String channelId) {
        return jdbc.sql("SELECT count(*) FROM channel_messages WHERE channel_id = :id").param("id", channelId)
                .query(Long.class).single();
    }
}
