package ownpilot.gateway.models;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Local model servers and their models (spec §9). */
@RestController
@RequestMapping("/api/v1/local-providers")
class LocalProvidersController {

    record Template(String id, String name, String providerType, String baseUrl, String discoveryEndpoint,
            String description) {}

    static final List<Template> TEMPLATES = List.of(
            new Template("lmstudio", "LM Studio", "lmstudio", "http://localhost:1234", "/v1/models",
                    "LM Studio's local server (OpenAI-compatible)"),
            new Template("ollama", "Ollama", "ollama", "http://localhost:11434", "/api/tags",
                    "Ollama; models are listed from /api/tags"),
            new Template("localai", "LocalAI", "localai", "http://localhost:8080", "/v1/models",
                    "LocalAI (OpenAI-compatible)"),
            new Template("vllm", "vLLM", "vllm", "http://localhost:8000", "/v1/models",
                    "vLLM's OpenAI-compatible server"),
            new Template("custom", "Custom Local Server", "custom", "http://localhost:5000", "/v1/models",
                    "Any OpenAI-compatible server"));

    private final LocalProviderService service;
    private final LocalProviderRepository repository;
    private final CurrentUser user;

    LocalProvidersController(LocalProviderService service, LocalProviderRepository repository, CurrentUser user) {
        this.service = service;
        this.repository = repository;
        this.user = user;
    }

    @GetMapping("/templates")
    List<Template> templates() {
        return TEMPLATES;
    }

    @GetMapping
    List<LocalProviderViews.Provider> list() {
        return repository.list(user.id()).stream().map(r -> service.view(user.id(), r)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LocalProviderViews.Provider create(@RequestBody JsonNode body) {
        return service.view(user.id(), service.create(user.id(), body));
    }

    @GetMapping("/{id}")
    LocalProviderViews.WithModels get(@PathVariable String id) {
        return new LocalProviderViews.WithModels(service.view(user.id(), service.get(user.id(), id)),
                repository.models(user.id(), id));
    }

    @PutMapping("/{id}")
    LocalProviderViews.Provider update(@PathVariable String id, @RequestBody JsonNode body) {
        return service.view(user.id(), service.update(user.id(), id, body));
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        if (!repository.delete(user.id(), id)) {
            throw ApiException.notFound("Local provider");
        }
        return Deleted.of(id);
    }

    /** {@code {"enabled": bool}}; the web UI sends no body, which flips the flag. */
    @PatchMapping("/{id}/toggle")
    LocalProviderViews.Provider toggle(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonNode change = body == null || body.isNull() || body.isMissingNode()
                ? JsonNodeFactory.instance.objectNode().put("isEnabled", !service.get(user.id(), id).isEnabled())
                : enabledOnly(body, "isEnabled");
        return update(id, change);
    }

    /** The web UI's "make default" (not in the spec): the provider becomes the user's only default. */
    @PatchMapping("/{id}/set-default")
    LocalProviderViews.Provider setDefault(@PathVariable String id) {
        return update(id, JsonNodeFactory.instance.objectNode().put("isDefault", true));
    }

    @PostMapping("/{id}/discover")
    LocalProviderViews.Discovery discover(@PathVariable String id) {
        return service.discover(user.id(), id);
    }

    @GetMapping("/{id}/models")
    List<LocalProviderViews.Model> models(@PathVariable String id) {
        service.get(user.id(), id);
        return repository.models(user.id(), id);
    }

    /** {@code {"modelId", "displayName"?, "contextWindow"?, "maxOutput"?}} */
    @PostMapping("/{id}/models")
    @ResponseStatus(HttpStatus.CREATED)
    LocalProviderViews.Model addModel(@PathVariable String id, @RequestBody JsonNode body) {
        service.get(user.id(), id);
        String modelId = body.path("modelId").asString("");
        if (modelId.isBlank() || modelId.length() > 200) {
            throw ApiException.validation("modelId", "is required (at most 200 characters)");
        }
        String displayName = body.path("displayName").isString() ? body.path("displayName").asString()
                : ModelDiscovery.displayName(modelId);
        int context = whole(body, "contextWindow", 32_768);
        int output = whole(body, "maxOutput", 4_096);
        if (!repository.addModel(user.id(), id, Ids.prefixed("lmodel"), modelId, displayName.trim(),
                "[\"chat\", \"streaming\"]", context, output)) {
            throw ApiException.conflict("Model " + modelId + " is already listed");
        }
        return repository.models(user.id(), id).stream().filter(m -> m.modelId().equals(modelId))
                .findFirst().orElseThrow();
    }

    @PatchMapping("/{id}/models/{modelId}/toggle")
    LocalProviderViews.Model toggleModel(@PathVariable String id, @PathVariable String modelId, @RequestBody JsonNode body) {
        boolean enabled = enabledOnly(body, "enabled").path("enabled").booleanValue();
        return repository.toggleModel(user.id(), id, modelId, enabled)
                .orElseThrow(() -> ApiException.notFound("Model " + modelId));
    }

    @DeleteMapping("/{id}/models/{modelId}")
    LocalProviderViews.ModelDeleted deleteModel(@PathVariable String id, @PathVariable String modelId) {
        if (!repository.deleteModel(user.id(), id, modelId)) {
            throw ApiException.notFound("Model " + modelId);
        }
        return new LocalProviderViews.ModelDeleted(modelId, true);
    }

    /** Reads {@code {"enabled": bool}} and re-keys it for the update it feeds. */
    private static JsonNode enabledOnly(JsonNode body, String as) {
        if (!body.isObject() || !body.path("enabled").isBoolean()) {
            throw ApiException.validation("enabled", "must be true or false");
        }
        return JsonNodeFactory.instance.objectNode()
                .put(as, body.path("enabled").booleanValue());
    }

    private static int whole(JsonNode body, String field, int fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.intValue() < 1 || v.intValue() > 10_000_000) {
            throw ApiException.validation(field, "must be a whole number from 1 to 10000000");
        }
        return v.intValue();
    }
}
