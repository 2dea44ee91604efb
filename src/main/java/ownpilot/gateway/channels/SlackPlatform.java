package ownpilot.gateway.channels;

import java.net.URI;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.WebhookSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's Events API and Web API. A delivery is signed with the app's signing secret: {@code v0=}
 * HMAC-SHA256 over {@code v0:<timestamp>:<raw body>}, the timestamp within the replay window. A
 * message is keyed by channel and timestamp, so Slack's retries and the {@code message} +
 * {@code app_mention} pair one mention produces are one message. Answers go in the message's thread
 * (a direct message is answered in place).
 */
@Component
class SlackPlatform implements ChannelPlatform {

    static final int MAX_TEXT = 3900;
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+>\\s*");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]{1,500})\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,500})\\]\\((https?://[^)\\s]{1,2000})\\)");

    private final PlatformCalls calls;
    private final ChannelsProperties settings;
    private final JsonMapper json;

    SlackPlatform(PlatformCalls calls, ChannelsProperties settings, JsonMapper json) {
        this.calls = calls;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public int maxLength() {
        return MAX_TEXT;
    }

    @Override
    public ObjectNode identify(Map<String, String> secrets) throws PlatformException {
        JsonNode me = method(secrets, "auth.test", json.createObjectNode());
        return json.createObjectNode().put("id", me.path("user_id").asString()).put("username", me.path("user").asString())
                .put("name", me.path("user").asString()).put("team", me.path("team").asString())
                .put("teamId", me.path("team_id").asString()).put("botId", me.path("bot_id").asString());
    }

    @Override
    public void connect(Channel channel, Map<String, String> secrets) {
        // the Events API request URL is set in the Slack app's settings; nothing to register here
    }

    @Override
    public boolean verified(Map<String, String> secrets, HttpHeaders headers, byte[] body, long windowSeconds) {
        String secret = secrets.get("signingSecret");
        String timestamp = headers.getFirst("X-Slack-Request-Timestamp");
        String signature = headers.getFirst("X-Slack-Signature");
        if (secret == null || signature == null || !signature.startsWith("v0=")
                || WebhookSignatures.fresh(timestamp, windowSeconds) == null) {
            return false;
        }
        return MessageDigest.isEqual(WebhookSignatures.hmacSha256(secret, "v0:" + timestamp.trim() + ":", body),
                WebhookSignatures.hex(signature, "v0="));
    }

    @Override
    public Delivery parse(Channel channel, JsonNode body) {
        if (body.path("type").asString().equals("url_verification")) {
            return Delivery.answer(Map.of("challenge", body.path("challenge").asString()));
        }
        JsonNode e = body.path("event");
        Map<String, Boolean> ok = Map.of("ok", true);
        String type = e.path("type").asString();
        boolean fromBot = e.has("bot_id") || e.has("subtype")
                || (channel.botInfo() != null && e.path("user").asString().equals(channel.botInfo().path("id").asString()));
        if (!body.path("type").asString().equals("event_callback") || fromBot
                || !(type.equals("message") || type.equals("app_mention")) || !e.path("user").isString()) {
            return Delivery.answer(ok);
        }
        String text = MENTION.matcher(e.path("text").asString("")).replaceAll("").trim();
        if (text.isEmpty()) {
            return Delivery.answer(ok);
        }
        String chat = e.path("channel").asString();
        String ts = e.path("ts").asString();
        boolean direct = e.path("channel_type").asString().equals("im");
        String thread = e.path("thread_ts").isString() ? e.path("thread_ts").asString() : direct ? null : ts;
        ObjectNode metadata = json.createObjectNode().put("chatId", chat).put("ts", ts)
                .put("teamId", body.path("team_id").asString()).put("eventId", body.path("event_id").asString());
        String user = e.path("user").asString();
        return Delivery.of(List.of(new Inbound("message:" + chat + ":" + ts, ts, chat, thread, user, user, text,
                body.path("team_id").asString(null), direct, metadata, null)), ok);
    }

    @Override
    public String send(Channel channel, Map<String, String> secrets, Outgoing message, boolean first)
            throws PlatformException {
        ObjectNode body = json.createObjectNode().put("channel", message.chatId()).put("text", message.text());
        if (message.threadId() != null) {
            body.put("thread_ts", message.threadId());
        }
        return method(secrets, "chat.postMessage", body).path("ts").asString();
    }

    @Override
    public String format(String markdown) {
        String out = BOLD.matcher(markdown).replaceAll("*$1*");
        return LINK.matcher(out).replaceAll("<$2|$1>");
    }

    /** A Socket Mode WebSocket address for this app ({@code apps.connections.open}, with the app-level token). */
    URI socketUrl(Map<String, String> secrets) throws PlatformException {
        String url = method(secrets.get("appToken"), "apps.connections.open", json.createObjectNode()).path("url").asString("");
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(uri.getScheme().equals("wss") || uri.getScheme().equals("ws"))) {
                throw new IllegalArgumentException(url);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new PlatformException(PlatformException.Kind.REFUSED, "Slack gave no WebSocket address");
        }
    }

    private JsonNode method(Map<String, String> secrets, String method, ObjectNode body) throws PlatformException {
        return method(secrets.get("botToken"), method, body);
    }

    /** Slack answers HTTP 200 with {@code ok: false} for its errors. */
    private JsonNode method(String token, String method, ObjectNode body) throws PlatformException {
        JsonNode answer = calls.call("POST", URI.create(settings.slackApiUrl() + "/" + method),
                Map.of("Authorization", "Bearer " + token), body);
        if (!answer.path("ok").asBoolean(false)) {
            String error = answer.path("error").asString("unknown_error");
            throw new PlatformException(error.equals("invalid_auth") || error.equals("not_authed")
                    || error.equals("token_revoked") ? PlatformException.Kind.UNAUTHORIZED
                    : PlatformException.Kind.REFUSED, "Slack: " + error);
        }
        return answer;
    }
}
