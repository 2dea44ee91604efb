package ownpilot.gateway.settings;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import tools.jackson.databind.JsonNode;

/** Generic settings by key: {@code {"value": <any JSON>}} in, {@code {key, value}} out. */
@RestController
@RequestMapping("/api/v1/settings/{key}")
class SettingValueController {

    private final SettingsService settings;
    private final CurrentUser user;

    SettingValueController(SettingsService settings, CurrentUser user) {
        this.settings = settings;
        this.user = user;
    }

    record SettingValue(String key, JsonNode value) {}

    @GetMapping
    SettingValue get(@PathVariable String key) {
        return new SettingValue(key, settings.get(user.id(), key)
                .orElseThrow(() -> ApiException.notFound("Setting " + key)));
    }

    @PostMapping
    SettingValue set(@PathVariable String key, @RequestBody JsonNode body) {
        if (!body.isObject() || !body.has("value")) {
            throw ApiException.validation("value", "is required: send {\"value\": …}");
        }
        settings.set(user.id(), key, body.get("value"));
        return get(key);
    }

    record SettingDeleted(String key, boolean deleted) {}

    @DeleteMapping
    SettingDeleted delete(@PathVariable String key) {
        if (!settings.delete(user.id(), key)) {
            throw ApiException.notFound("Setting " + key);
        }
        return new SettingDeleted(key, true);
    }
}
