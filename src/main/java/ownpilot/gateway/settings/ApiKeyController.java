package ownpilot.gateway.settings;

import java.util.Set;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;

/** Provider API keys: whether one is configured and a masked hint, never the key itself. */
@RestController
@RequestMapping("/api/v1/settings/api-key/{provider}")
class ApiKeyController {

    private final ApiKeys apiKeys;
    private final CurrentUser user;


    ApiKeyController(ApiKeys apiKeys, CurrentUser user) {
        this.apiKeys = apiKeys;
        this.user = user;
    }

    @GetMapping
    ApiKeys.Status get(@PathVariable String provider) {
        return apiKeys.status(user.id(), provider);
    }

    @PostMapping
    ApiKeys.Status set(@PathVariable String provider, @RequestBody JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("apiKey"));
        String apiKey = in.text("apiKey", null, 4096, true);
        in.check();
        return apiKeys.store(user.id(), provider, apiKey);
    }

    /** A removed key, and whether the provider still has one (from the environment). */
    record KeyRemoved(String provider, boolean deleted, boolean configured) {}

    @DeleteMapping
    KeyRemoved delete(@PathVariable String provider) {
        return delete(apiKeys, user.id(), provider);
    }

    /** Removes the stored key (404 when there is none) and says whether the provider is still configured. */
    static KeyRemoved delete(ApiKeys apiKeys, String userId, String provider) {
        if (!apiKeys.remove(userId, provider)) {
            throw ApiException.notFound("Stored API key for " + provider);
        }
        ApiKeys.Status after = apiKeys.status(userId, provider);
        return new KeyRemoved(provider, true, after.configured());
    }
}
