package ownpilot.gateway.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
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

    record ApiKeyRequest(@NotBlank(message = "is required") @Size(max = 4096) String apiKey) {}

    @GetMapping
    ApiKeys.Status get(@PathVariable String provider) {
        return apiKeys.status(user.id(), provider);
    }

    @PostMapping
    ApiKeys.Status set(@PathVariable String provider, @Valid @RequestBody ApiKeyRequest request) {
        return apiKeys.store(user.id(), provider, request.apiKey());
    }

    @DeleteMapping
    Map<String, Object> delete(@PathVariable String provider) {
        if (!apiKeys.remove(user.id(), provider)) {
            throw ApiException.notFound("Stored API key for " + provider);
        }
        ApiKeys.Status after = apiKeys.status(user.id(), provider);
        return Map.of("provider", provider, "deleted", true, "configured", after.configured());
    }
}
