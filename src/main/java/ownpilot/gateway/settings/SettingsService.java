package ownpilot.gateway.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.SharedCaches;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The settings store other modules read: plain values by key, the user's time zone and the default
 * provider and model. API keys have their own service, {@link ApiKeys}.
 */
@Service
public class SettingsService {

    public static final String TIMEZONE = "timezone";
    public static final String DEFAULT_PROVIDER = "default_ai_provider";
    public static final String DEFAULT_MODEL = "default_ai_model";

    static final Pattern KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,127}$");
    private static final int MAX_VALUE_CHARS = 16_384;

    private final SettingsRepository repository;
    private final SharedCaches.Named<ZoneId> zones;

    SettingsService(SettingsRepository repository, SharedCaches caches) {
        this.repository = repository;
        this.zones = caches.cache("timezones", 10_000);
    }

    public Optional<JsonNode> get(String userId, String key) {
        return repository.find(userId, checkKey(key));
    }

    public Optional<String> getText(String userId, String key) {
        return get(userId, key).filter(JsonNode::isString).map(JsonNode::stringValue);
    }

    /** Stores a value after checking the key and, for the keys the gateway itself reads, the value. */
    public void set(String userId, String key, JsonNode value) {
        checkKey(key);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw ApiException.validation("value", "is required");
        }
        if (value.toString().length() > MAX_VALUE_CHARS) {
            throw ApiException.validation("value", "must serialize to at most " + MAX_VALUE_CHARS + " characters");
        }
        checkKnownValue(key, value);
        repository.put(userId, key, value);
        zones.invalidate(userId);
    }

    public boolean delete(String userId, String key) {
        boolean deleted = repository.delete(userId, checkKey(key));
        zones.invalidate(userId);
        return deleted;
    }

    /** The user's time zone (setting {@code timezone}, an IANA id), UTC when unset. Read on every chat, so cached. */
    public ZoneId timeZone(String userId) {
        return zones.get(userId, u -> getText(u, TIMEZONE).map(ZoneId::of).orElse(ZoneId.of("UTC")));
    }

    public void setText(String userId, String key, String value) {
        set(userId, key, StringNode.valueOf(value));
    }

    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.validation("key",
                    "must start with a letter and use only letters, digits, '_', '.', '-' (at most 128)");
        }
        return key;
    }

    private static void checkKnownValue(String key, JsonNode value) {
        switch (key) {
            case TIMEZONE -> {
                if (!value.isString()) {
                    throw ApiException.validation("value", "must be an IANA time zone such as Europe/Berlin");
                }
                try {
                    ZoneId.of(value.stringValue());
                } catch (DateTimeException e) {
                    throw ApiException.validation("value", "must be an IANA time zone such as Europe/Berlin");
                }
            }
            case DEFAULT_PROVIDER -> {
                if (!value.isString() || !ProviderIds.isValid(value.stringValue())) {
                    throw ApiException.validation("value", "must be a provider id such as openai");
                }
            }
            case DEFAULT_MODEL -> {
                if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > 200) {
                    throw ApiException.validation("value", "must be a model id of at most 200 characters");
                }
            }
            default -> {
            }
        }
    }
}
