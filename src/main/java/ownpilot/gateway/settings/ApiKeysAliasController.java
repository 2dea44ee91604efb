package ownpilot.gateway.settings;

import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * The web UI's routes for API keys, plural and with the provider in the body: aliases of
 * {@code POST|DELETE /settings/api-key/:provider} (the spec's), answering the same.
 */
@RestController
@RequestMapping("/api/v1/settings/api-keys")
class ApiKeysAliasController {

    private final ApiKeys apiKeys;
    private final CurrentUser user;

    ApiKeysAliasController(ApiKeys apiKeys, CurrentUser user) {
        this.apiKeys = apiKeys;
        this.user = user;
    }

    /** {@code {provider, apiKey}}. */
    @PostMapping
    ApiKeys.Status set(@RequestBody JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("provider", "apiKey"));
        String provider = in.text("provider", null, 64, true);
        String apiKey = in.text("apiKey", null, 4096, true);
        in.check();
        return apiKeys.store(user.id(), provider, apiKey);
    }

    @DeleteMapping("/{provider}")
    ApiKeyController.KeyRemoved delete(@PathVariable String provider) {
        return ApiKeyController.delete(apiKeys, user.id(), provider);
    }
}
