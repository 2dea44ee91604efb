package ownpilot.gateway.channels;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
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
 * Discord's interactions endpoint and REST API. A delivery is signed with the application's Ed25519
 * key over {@code timestamp + raw body} ({@code X-Signature-Ed25519}, {@code X-Signature-Timestamp});
 * {@code PING} is answered {@code PONG}. A slash command is acknowledged at once as "thinking" (Discord
 * waits 3 s at most) and the answer replaces that acknowledgement through the interaction's webhook.
 * The public key is learnt from {@code /applications/@me} when the owner did not give it.
 */
@Component
class DiscordPlatform implements ChannelPlatform {

    static final int MAX_TEXT = 2000;
    /** The DER prefix that turns a raw 32-byte Ed25519 key into an X.509 SubjectPublicKeyInfo. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,25}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,500}");
    private static final int PING = 1;
    private static final int COMMAND = 2;

    private final PlatformCalls calls;
    private final ChannelsProperties settings;
    private final JsonMapper json;

    DiscordPlatform(PlatformCalls calls, ChannelsProperties settings, JsonMapper json) {
        this.calls = calls;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String type() {
        return "discord";
    }

    @Override
    public int maxLength() {
        return MAX_TEXT;
    }

    @Override
    public ObjectNode identify(Map<String, String> secrets) throws PlatformException {
        JsonNode me = calls.call("GET", uri("/users/@me"), auth(secrets), null);
        return json.createObjectNode().put("id", me.path("id").asString()).put("username", me.path("username").asString())
                .put("name", me.path("global_name").asString(me.path("username").asString()));
    }

    @Override
    public void connect(Channel channel, Map<String, String> secrets) throws PlatformException {
        if (!secrets.containsKey("publicKey")) {
            String key = calls.call("GET", uri("/applications/@me"), auth(secrets), null).path("verify_key").asString("");
            if (!ChannelInput.hex(key, 32)) {
                throw new PlatformException(PlatformException.Kind.REFUSED,
                        "Discord gave no public key for the application; set config.publicKey");
            }
            secrets.put("publicKey", key);
        }
    }

    @Override
    public boolean verified(Map<String, String> secrets, HttpHeaders headers, byte[] body, long windowSeconds) {
        String key = secrets.get("publicKey");
        String signature = headers.getFirst("X-Signature-Ed25519");
        String timestamp = headers.getFirst("X-Signature-Timestamp");
        if (key == null || signature == null || WebhookSignatures.fresh(timestamp, windowSeconds) == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(key));
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(HexFormat.of().parseHex(signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(String hex) throws GeneralSecurityException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] der = new byte[ED25519_PREFIX.length + raw.length];
        System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    @Override
    public Delivery parse(Channel channel, JsonNode body) {
        int type = body.path("type").asInt(0);
        if (type == PING) {
            return Delivery.answer(Map.of("type", 1));
        }
        if (type != COMMAND) {
            return Delivery.answer(Map.of("type", 6));
        }
        JsonNode user = body.path("member").path("user").isObject() ? body.path("member").path("user") : body.path("user");
        StringBuilder text = new StringBuilder();
        body.path("data").path("options").forEach(o -> {
            if (o.path("value").isString()) {
                text.append(text.isEmpty() ? "" : " ").append(o.path("value").asString());
            }
        });
        String content = text.isEmpty() ? "/" + body.path("data").path("name").asString() : text.toString();
        String guild = body.path("guild_id").asString(null);
        ObjectNode metadata = json.createObjectNode().put("chatId", body.path("channel_id").asString())
                .put("interactionId", body.path("id").asString()).put("command", body.path("data").path("name").asString());
        if (guild != null) {
            metadata.put("guildId", guild);
        }
        Inbound inbound = new Inbound("interaction:" + body.path("id").asString(), null,
                body.path("channel_id").asString(), null, user.path("id").asString(),
                user.path("global_name").asString(user.path("username").asString("unknown")), content, guild,
                guild == null, metadata, body.path("token").asString(null));
        return new Delivery(List.of(inbound), Map.of("type", 5),
                Map.of("type", 4, "data", Map.of("content", "You are not on this assistant's allow-list.", "flags", 64)));
    }

    @Override
    public String send(Channel channel, Map<String, String> secrets, Outgoing message, boolean first)
            throws PlatformException {
        if (!SNOWFLAKE.matcher(message.chatId()).matches()
                || (message.replyToken() != null && !TOKEN.matcher(message.replyToken()).matches())) {
            throw new PlatformException(PlatformException.Kind.REFUSED, "Not a Discord channel id: " + message.chatId());
        }
        ObjectNode body = json.createObjectNode().put("content", message.text());
        body.putObject("allowed_mentions").putArray("parse");
        String app = channel.option("applicationId");
        if (message.replyToken() != null && app != null) {
            String hook = "/webhooks/" + app + "/" + message.replyToken();
            return first ? calls.call("PATCH", uri(hook + "/messages/@original"), Map.of(), body).path("id").asString()
                    : calls.call("POST", uri(hook), Map.of(), body).path("id").asString();
        }
        if (first && message.replyToPlatformId() != null) {
            body.putObject("message_reference").put("message_id", message.replyToPlatformId())
                    .put("fail_if_not_exists", false);
        }
        return calls.call("POST", uri("/channels/" + message.chatId() + "/messages"), auth(secrets), body).path("id")
                .asString();
    }

    private URI uri(String path) {
        return URI.create(settings.discordApiUrl() + path);
    }

    private static Map<String, String> auth(Map<String, String> secrets) {
        return Map.of("Authorization", "Bot " + secrets.get("botToken"));
    }
}
