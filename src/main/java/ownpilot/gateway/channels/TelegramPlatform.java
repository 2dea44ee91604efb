package ownpilot.gateway.channels;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram's Bot API. Deliveries come to the webhook (registered with {@code setWebhook} and a secret
 * token Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}) or, without a public address,
 * from {@code getUpdates} long polling ({@link TelegramPolling}). Each update id is delivered once.
 */
@Component
class TelegramPlatform implements ChannelPlatform {

    static final int MAX_TEXT = 4096;
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformCalls calls;
    private final ChannelsProperties settings;
    private final JsonMapper json;

    TelegramPlatform(PlatformCalls calls, ChannelsProperties settings, JsonMapper json) {
        this.calls = calls;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String type() {
        return "telegram";
    }

    @Override
    public int maxLength() {
        return MAX_TEXT;
    }

    @Override
    public ObjectNode identify(Map<String, String> secrets) throws PlatformException {
        JsonNode me = method(secrets, "getMe", json.createObjectNode()).path("result");
        return json.createObjectNode().put("id", me.path("id").asString()).put("username", me.path("username").asString())
                .put("name", me.path("first_name").asString()).put("firstName", me.path("first_name").asString());
    }

    @Override
    public void connect(Channel channel, Map<String, String> secrets) throws PlatformException {
        if (channel.polling()) {
            method(secrets, "deleteWebhook", json.createObjectNode().put("drop_pending_updates", false));
            return;
        }
        String url = channel.option("webhookUrl") != null ? channel.option("webhookUrl")
                : settings.webhookUrl(channel.id());
        if (url == null) {
            throw new PlatformException(PlatformException.Kind.REFUSED,
                    "No public URL to register: set OWNPILOT_PUBLIC_URL or config.webhookUrl, or use mode polling");
        }
        secrets.computeIfAbsent(ChannelSecrets.TELEGRAM_WEBHOOK_SECRET, k -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
        ObjectNode body = json.createObjectNode().put("url", url)
                .put("secret_token", secrets.get(ChannelSecrets.TELEGRAM_WEBHOOK_SECRET));
        body.putArray("allowed_updates").add("message");
        method(secrets, "setWebhook", body);
    }

    @Override
    public void disconnect(Channel channel, Map<String, String> secrets) throws PlatformException {
        if (!channel.polling()) {
            method(secrets, "deleteWebhook", json.createObjectNode().put("drop_pending_updates", false));
        }
    }

    @Override
    public boolean verified(Map<String, String> secrets, HttpHeaders headers, byte[] body, long windowSeconds) {
        String expected = secrets.get(ChannelSecrets.TELEGRAM_WEBHOOK_SECRET);
        String given = headers.getFirst(SECRET_HEADER);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Delivery parse(Channel channel, JsonNode update) {
        return Delivery.of(inbound(update).map(List::of).orElse(List.of()), json.createObjectNode());
    }

    /** The message in one update, if it is one a person sent (not a bot, not an edit, some text). */
    Optional<Inbound> inbound(JsonNode update) {
        JsonNode m = update.path("message");
        JsonNode from = m.path("from");
        String text = m.path("text").isString() ? m.path("text").asString() : m.path("caption").asString("");
        if (!update.path("update_id").isIntegralNumber() || !m.isObject() || from.path("is_bot").asBoolean(false)
                || text.isBlank()) {
            return Optional.empty();
        }
        JsonNode chat = m.path("chat");
        String name = (from.path("first_name").asString("") + " " + from.path("last_name").asString("")).trim();
        ObjectNode metadata = json.createObjectNode().put("chatId", chat.path("id").asString())
                .put("chatType", chat.path("type").asString("")).put("messageId", m.path("message_id").asString());
        if (chat.path("title").isString()) {
            metadata.put("chatTitle", chat.path("title").asString());
        }
        if (from.path("username").isString()) {
            metadata.put("username", from.path("username").asString());
        }
        String thread = m.path("is_topic_message").asBoolean(false) ? m.path("message_thread_id").asString() : null;
        return Optional.of(new Inbound("update:" + update.path("update_id").asLong(),
                m.path("message_id").asString(), chat.path("id").asString(), thread, from.path("id").asString(),
                name.isEmpty() ? from.path("username").asString("unknown") : name, text, null,
                "private".equals(chat.path("type").asString()), metadata, null));
    }

    /** One long poll: the updates from {@code offset} on, waiting up to the configured seconds for one. */
    List<JsonNode> updates(Map<String, String> secrets, long offset) throws PlatformException {
        ObjectNode body = json.createObjectNode().put("offset", offset).put("timeout", settings.pollTimeoutSeconds())
                .put("limit", 100);
        body.putArray("allowed_updates").add("message");
        JsonNode answer = calls.call("POST", uri(secrets, "getUpdates"), Map.of(), body,
                Duration.ofSeconds(settings.pollTimeoutSeconds() + 10L));
        List<JsonNode> out = new ArrayList<>();
        answer.path("result").forEach(out::add);
        return out;
    }

    @Override
    public String send(Channel channel, Map<String, String> secrets, Outgoing message, boolean first)
            throws PlatformException {
        ObjectNode body = json.createObjectNode().put("chat_id", message.chatId()).put("text", message.text());
        if (message.threadId() != null) {
            body.put("message_thread_id", number(message.threadId()));
        }
        if (first && message.replyToPlatformId() != null) {
            body.putObject("reply_parameters").put("message_id", number(message.replyToPlatformId()))
                    .put("allow_sending_without_reply", true);
        }
        String parseMode = channel.option("parseMode");
        if (parseMode != null && !parseMode.equals("none")) {
            body.put("parse_mode", parseMode);
        }
        try {
            return method(secrets, "sendMessage", body).path("result").path("message_id").asString();
        } catch (PlatformException e) {
            if (body.has("parse_mode") && e.getMessage().contains("can't parse entities")) {
                body.remove("parse_mode");
                return method(secrets, "sendMessage", body).path("result").path("message_id").asString();
            }
            throw e;
        }
    }

    private static long number(String id) throws PlatformException {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new PlatformException(PlatformException.Kind.REFUSED, "Not a Telegram id: " + id);
        }
    }

    private JsonNode method(Map<String, String> secrets, String method, ObjectNode body) throws PlatformException {
        return calls.call("POST", uri(secrets, method), Map.of(), body);
    }

    private URI uri(Map<String, String> secrets, String method) {
        return URI.create(settings.telegramApiUrl() + "/bot" + secrets.get("botToken") + "/" + method);
    }
}
