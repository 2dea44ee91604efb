package ownpilot.gateway.channels;

import java.net.URI;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import ownpilot.gateway.security.SecretCipher;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and checks a channel's body: the type (only the three with adapters), the id (it is part of the
 * public webhook URL), and the per-type config, split into the credentials (sealed) and the rest (shown).
 * An edit merges into what is stored; a credential sent back in its masked form keeps the stored one.
 */
final class ChannelInput {

    record Parsed(String id, String type, String name, String agentId, ObjectNode config, Map<String, String> secrets,
            String mode) {}

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_LIST = 1000;
    /** Path segments of routes beside {@code /channels/:id}. */
    private static final Set<String> RESERVED = Set.of("status", "messages");
    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("[0-9]{3,20}:[A-Za-z0-9_-]{20,200}");
    private static final List<String> UNSUPPORTED = List.of("matrix", "webchat", "whatsapp", "signal");
    private static final Set<String> FIELDS = Set.of("id", "type", "name", "agentId", "config");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "agentId", "config", "type", "id");
    private static final Set<String> COMMON = Set.of("allowedUsers", "allowEveryone", "autoReply", "autoReconnect",
            "reconnectDelay", "maxReconnectAttempts");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "telegram", Set.of("botToken", "allowedChats", "parseMode", "webhookUrl", "mode", "pollingInterval"),
            "slack", Set.of("botToken", "signingSecret", "appToken", "allowedWorkspaces", "allowedChannels", "mode"),
            "discord", Set.of("botToken", "applicationId", "publicKey", "allowedGuilds", "allowedChannels", "allowDMs"));
    private static final Map<String, List<String>> REQUIRED = Map.of("telegram", List.of("botToken"),
            "slack", List.of("botToken"), "discord", List.of("botToken", "applicationId"));
    private static final Map<String, List<String>> MODES = Map.of("telegram", List.of("webhook", "polling"),
            "slack", List.of("webhook", "socket"), "discord", List.of("webhook"));
    private static final List<String> PARSE_MODES = List.of("Markdown", "MarkdownV2", "HTML", "none");

    private ChannelInput() {}

    static Parsed create(JsonNode body, boolean hasPublicUrl) {
        JsonFields in = JsonFields.of(body).allow(FIELDS);
        String type = type(body.path("type"));
        String id = in.text("id", null, 64, false);
        if (id != null && (!ID.matcher(id).matches() || RESERVED.contains(id))) {
            in.problem("id", "must be 1 to 64 letters, digits, '-' or '_', and not " + RESERVED);
        }
        refuseNullName(in, body);
        String name = in.text("name", Character.toUpperCase(type.charAt(0)) + type.substring(1), 200, false);
        String agentId = in.nullableText("agentId", null, 200);
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        Map<String, String> secrets = new LinkedHashMap<>();
        merge(in, type, body.path("config"), config, secrets, Map.of());
        String mode = mode(in, type, config, secrets, hasPublicUrl);
        in.check();
        return new Parsed(id == null ? type + "-" + System.currentTimeMillis() : id, type, name, agentId, config,
                secrets, mode);
    }

    static Parsed update(Channel current, Map<String, String> currentSecrets, JsonNode body, boolean hasPublicUrl) {
        JsonFields in = JsonFields.of(body).allow(UPDATE_FIELDS);
        if (body.isEmpty()) {
            throw ApiException.badRequest("Nothing to change: send name, agentId or config");
        }
        if (body.has("type") && !current.type().equals(body.path("type").asString())) {
            in.problem("type", "cannot change (" + current.type() + "); create a new channel instead");
        }
        if (body.has("id") && !current.id().equals(body.path("id").asString())) {
            in.problem("id", "cannot change");
        }
        refuseNullName(in, body);
        String name = in.text("name", current.name(), 200, false);
        String agentId = in.nullableText("agentId", current.agentId(), 200);
        ObjectNode config = current.config().deepCopy();
        Map<String, String> secrets = new LinkedHashMap<>(currentSecrets);
        if (body.has("config")) {
            merge(in, current.type(), body.path("config"), config, secrets, currentSecrets);
        }
        String mode = mode(in, current.type(), config, secrets, hasPublicUrl);
        in.check();
        return new Parsed(current.id(), current.type(), name, agentId, config, secrets, mode);
    }

    private static void refuseNullName(JsonFields in, JsonNode body) {
        if (body.has("name") && body.get("name").isNull()) {
            in.problem("name", "must be a non-empty string");
        }
    }

    private static String type(JsonNode type) {
        String given = type.isString() ? type.asString() : null;
        if (given != null && Channel.TYPES.contains(given)) {
            return given;
        }
        String why = given == null ? "is required" : UNSUPPORTED.contains(given)
                ? "'" + given + "' has no adapter in this gateway" : "'" + given + "' is not a channel type";
        String message = why + "; supported: " + String.join(", ", Channel.TYPES);
        // the web UI shows error.message: it names the type and the supported ones, not only the field
        throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Channel type " + message,
                List.of(new ApiException.FieldProblem("type", message)));
    }

    private static void merge(JsonFields in, String type, JsonNode given, ObjectNode config, Map<String, String> secrets,
            Map<String, String> stored) {
        if (!given.isMissingNode() && !given.isObject()) {
            in.problem("config", "must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> e : given.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            String field = "config." + key;
            if (!COMMON.contains(key) && !KEYS.get(type).contains(key)) {
                in.problem(field, "is not a " + type + " setting");
            } else if (v.isNull()) {
                config.remove(key);
                secrets.remove(key);
            } else if (ChannelSecrets.FIELDS.contains(key)) {
                secret(in, field, key, v, secrets, stored);
            } else if (key.startsWith("allowed")) {
                config.set(key, list(in, field, v));
            } else if (key.startsWith("allow") || key.equals("autoReply") || key.equals("autoReconnect")) {
                check(in, field, v.isBoolean(), "must be true or false");
                config.set(key, v);
            } else if (key.equals("reconnectDelay") || key.equals("maxReconnectAttempts") || key.equals("pollingInterval")) {
                check(in, field, v.isIntegralNumber() && v.asLong() >= 0 && v.asLong() <= 86_400_000, "must be a whole number from 0");
                config.set(key, v);
            } else {
                config.put(key, text(in, field, key, v));
            }
        }
        if (type.equals("telegram") && secrets.containsKey("botToken") && !TELEGRAM_TOKEN.matcher(secrets.get("botToken")).matches()) {
            in.problem("config.botToken", "must be the token BotFather gave, like 123456789:AAE…");
        }
        for (String required : REQUIRED.get(type)) {
            if (!secrets.containsKey(required) && !config.has(required)) {
                in.problem("config." + required, "is required for " + type);
            }
        }
    }

    private static void secret(JsonFields in, String field, String key, JsonNode v, Map<String, String> secrets,
            Map<String, String> stored) {
        String value = v.isString() ? v.asString().trim() : "";
        if (value.isEmpty() || value.length() > 512) {
            in.problem(field, "must be a non-empty string of at most 512 characters");
        } else if (stored.containsKey(key) && value.equals(SecretCipher.mask(stored.get(key)))) {
            secrets.put(key, stored.get(key));
        } else if (key.equals("publicKey") && !hex(value, 32)) {
            in.problem(field, "must be the application's public key: 64 hexadecimal characters");
        } else {
            secrets.put(key, value);
        }
    }

    private static String text(JsonFields in, String field, String key, JsonNode v) {
        String value = v.isString() || v.isNumber() ? v.asString().trim() : "";
        switch (key) {
            case "parseMode" -> check(in, field, PARSE_MODES.contains(value), "must be one of " + PARSE_MODES);
            case "webhookUrl" -> check(in, field, url(value), "must be an absolute http(s) URL");
            case "applicationId" -> check(in, field, value.matches("[0-9]{5,30}"), "must be the application's numeric id");
            default -> check(in, field, !value.isEmpty() && value.length() <= 500, "must be a non-empty string");
        }
        return value;
    }

    private static ArrayNode list(JsonFields in, String field, JsonNode v) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<JsonNode> items = new java.util.ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else if (v.isString()) {
            for (String part : v.asString().split(",", MAX_LIST + 2)) {
                items.add(JsonNodeFactory.instance.stringNode(part));
            }
        }
        if ((!v.isArray() && !v.isString()) || items.size() > MAX_LIST) {
            in.problem(field, "must be a list of at most " + MAX_LIST + " ids");
            return out;
        }
        for (JsonNode item : items) {
            String id = item.isString() || item.isIntegralNumber() ? item.asString().trim() : "";
            if (id.length() > 128 || !(item.isString() || item.isIntegralNumber())) {
                in.problem(field, "must hold ids (text or whole numbers) of at most 128 characters");
                return out;
            }
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * How the channel receives: Telegram by webhook when there is a public address, else long polling;
     * Slack by Socket Mode when it has an app-level token, else by its Events API webhook (which needs
     * the signing secret); Discord by its interactions webhook. {@code config.mode} chooses explicitly.
     */
    private static String mode(JsonFields in, String type, ObjectNode config, Map<String, String> secrets,
            boolean hasPublicUrl) {
        String mode;
        if (config.has("mode")) {
            mode = config.path("mode").asString();
            if (!MODES.get(type).contains(mode)) {
                in.problem("config.mode", "must be one of " + MODES.get(type) + " for " + type);
                return MODES.get(type).getFirst();
            }
        } else if (type.equals("telegram")) {
            mode = config.has("webhookUrl") || hasPublicUrl ? "webhook" : "polling";
        } else if (type.equals("slack")) {
            mode = secrets.containsKey("appToken") ? "socket" : "webhook";
        } else {
            mode = "webhook";
        }
        if (type.equals("slack") && mode.equals("webhook") && !secrets.containsKey("signingSecret")) {
            in.problem("config.signingSecret", "is required for Slack's Events API (or give appToken for Socket Mode)");
        }
        if (type.equals("slack") && mode.equals("socket") && !secrets.containsKey("appToken")) {
            in.problem("config.appToken", "is required for Socket Mode: an app-level token (xapp-…)");
        }
        return mode;
    }

    private static boolean url(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && uri.getHost() != null && (uri.getScheme().equals("https")
                    || uri.getScheme().equals("http")) && value.length() <= 2048;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean hex(String value, int bytes) {
        try {
            return HexFormat.of().parseHex(value).length == bytes;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void check(JsonFields in, String field, boolean ok, String message) {
        if (!ok) {
            in.problem(field, message);
        }
    }
}
