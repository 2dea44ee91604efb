package ownpilot.gateway.models;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.ProviderIds;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.ErrorAsText;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** The merged model view and per-user model settings (spec §7, model routes and sync). */
@RestController
@RequestMapping("/api/v1/model-configs")
class ModelConfigsController {

    record Capability(String id, String name, String description) {}

    static final List<Capability> CAPABILITIES = List.of(
            new Capability("chat", "Chat", "Conversational text generation"),
            new Capability("code", "Code", "Tuned for programming"),
            new Capability("vision", "Vision", "Understands images"),
            new Capability("function_calling", "Function calling", "Calls tools"),
            new Capability("json_mode", "JSON mode", "Structured JSON output"),
            new Capability("streaming", "Streaming", "Streams tokens as they are generated"),
            new Capability("embeddings", "Embeddings", "Produces vector embeddings"),
            new Capability("image_generation", "Image generation", "Creates images"),
            new Capability("audio", "Audio", "Understands or produces audio"),
            new Capability("reasoning", "Reasoning", "Extended thinking before answering"));
    private static final List<String> CAPABILITY_IDS = CAPABILITIES.stream().map(Capability::id).toList();
    private static final Set<String> MODEL_FIELDS = Set.of("displayName", "capabilities", "pricingInput",
            "pricingOutput", "contextWindow", "maxOutput", "isEnabled");

    private final MergedModels merged;
    private final ModelSettingsRepository settings;
    private final ModelCatalog catalog;
    private final ModelsDevSync sync;
    private final CurrentUser user;

    ModelConfigsController(MergedModels merged, ModelSettingsRepository settings, ModelCatalog catalog,
            ModelsDevSync sync, CurrentUser user) {
        this.merged = merged;
        this.settings = settings;
        this.catalog = catalog;
        this.sync = sync;
        this.user = user;
    }

    @GetMapping
    List<MergedModels.MergedModel> list(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        String provider = q.text("provider");
        String capability = q.oneOf("capability", CAPABILITY_IDS);
        Boolean enabled = q.bool("enabled");
        return merged.all(user.id()).stream()
                .filter(m -> provider == null || m.providerId().equals(provider))
                .filter(m -> capability == null || m.capabilities().contains(capability))
                .filter(m -> enabled == null || m.isEnabled() == enabled).toList();
    }

    @GetMapping("/capabilities/list")
    List<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Adds a model the catalog lacks to a catalog or custom provider. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MergedModels.MergedModel create(@RequestBody JsonNode body) {
        JsonFields in = JsonFields.of(body);
        String providerId = in.text("providerId", null, 64, true);
        String modelId = in.text("modelId", null, 200, true);
        in.check();
        boolean known = catalog.provider(providerId).isPresent() || settings.provider(user.id(), providerId).isPresent();
        if (!known) {
            throw ApiException.validation("providerId", "must be a catalog or custom provider");
        }
        if (find(providerId, modelId) != null) {
            throw ApiException.conflict("Model " + modelId + " already exists for " + providerId);
        }
        var fields = ((tools.jackson.databind.node.ObjectNode) body).deepCopy();
        fields.remove(List.of("providerId", "modelId"));
        settings.save(user.id(), read(fields, providerId, modelId, null, true));
        return require(providerId, modelId);
    }

    @GetMapping("/{provider}")
    List<MergedModels.MergedModel> byProvider(@PathVariable String provider) {
        List<MergedModels.MergedModel> models = merged.all(user.id()).stream()
                .filter(m -> m.providerId().equals(provider)).toList();
        if (models.isEmpty() && catalog.provider(provider).isEmpty() && settings.provider(user.id(), provider).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "PROVIDER_NOT_FOUND", "Unknown provider: " + provider);
        }
        return models;
    }

    @GetMapping("/{provider}/{model}")
    MergedModels.MergedModel get(@PathVariable String provider, @PathVariable String model) {
        return require(provider, model);
    }

    /** Changes the user's settings for a model; {@code null} puts a field back to the catalog's value. */
    @PutMapping("/{provider}/{model}")
    @ErrorAsText
    MergedModels.MergedModel update(@PathVariable String provider, @PathVariable String model,
            @RequestBody JsonNode body) {
        MergedModels.MergedModel current = require(provider, model);
        var existing = settings.setting(user.id(), provider, model).orElse(null);
        settings.save(user.id(), read(body, provider, model, existing, current.isCustom()));
        return require(provider, model);
    }

    record ModelDeleted(String providerId, String modelId, boolean deleted, String result) {}

    @DeleteMapping("/{provider}/{model}")
    ModelDeleted delete(@PathVariable String provider, @PathVariable String model) {
        MergedModels.MergedModel current = require(provider, model);
        if (!current.hasOverride()) {
            throw ApiException.badRequest("Catalog models cannot be deleted; disable it instead");
        }
        settings.delete(user.id(), provider, model);
        return new ModelDeleted(provider, model, true,
                current.isCustom() ? "custom model removed" : "settings reset to the catalog");
    }

    @PatchMapping("/{provider}/{model}/toggle")
    @ErrorAsText
    MergedModels.MergedModel toggle(@PathVariable String provider, @PathVariable String model,
            @RequestBody JsonNode body) {
        if (!body.isObject() || !body.path("enabled").isBoolean()) {
            throw ApiException.validation("enabled", "must be true or false");
        }
        return update(provider, model, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("isEnabled", body.path("enabled").booleanValue()));
    }

    @PostMapping("/sync")
    ModelsDevSync.Status syncStatus() {
        return sync.status();
    }

    @PostMapping("/sync/apply")
    @ErrorAsText
    ModelsDevSync.Result syncApply() {
        return sync.sync(List.of());
    }

    /** Drops every synced file, then syncs again; without models.dev it answers 503 and changes nothing. */
    @PostMapping("/sync/reset")
    @ErrorAsText
    ModelsDevSync.Result syncReset() {
        sync.status();
        int deleted = sync.clearSynced();
        return sync.sync(List.of()).afterDeleting(deleted);
    }

    @DeleteMapping("/sync/provider/{id}")
    ProviderDeleted deleteSynced(@PathVariable String id) {
        if (!ProviderIds.isValid(id) || !sync.removeSynced(id)) {
            throw ApiException.notFound("Synced file for " + id);
        }
        return ProviderDeleted.of(id);
    }

    private MergedModels.MergedModel find(String provider, String model) {
        return merged.all(user.id()).stream()
                .filter(m -> m.providerId().equals(provider) && m.modelId().equals(model)).findFirst().orElse(null);
    }

    private MergedModels.MergedModel require(String provider, String model) {
        MergedModels.MergedModel m = find(provider, model);
        if (m == null) {
            throw ApiException.notFound("Model " + provider + "/" + model);
        }
        return m;
    }

    private ModelSettingsRepository.Setting read(JsonNode body, String provider, String model,
            ModelSettingsRepository.Setting current, boolean custom) {
        JsonFields in = JsonFields.of(body).allow(MODEL_FIELDS);
        String name = in.nullableText("displayName", current == null ? null : current.displayName(), 200);
        List<String> capabilities = current == null ? null : current.capabilities();
        if (in.has("capabilities")) {
            JsonNode caps = in.node("capabilities");
            if (caps.isNull()) {
                capabilities = null;
            } else if (!caps.isArray() || caps.valueStream().anyMatch(c -> !CAPABILITY_IDS.contains(c.asString()))) {
                in.problem("capabilities", "must be an array of " + CAPABILITY_IDS);
            } else {
                capabilities = caps.valueStream().map(JsonNode::asString).distinct().toList();
            }
        }
        Double inputPrice = in.nullableNumber("pricingInput", current == null ? null : current.inputPrice(), 0,
                100_000, false);
        Double outputPrice = in.nullableNumber("pricingOutput", current == null ? null : current.outputPrice(), 0,
                100_000, false);
        Integer context = whole(in.nullableNumber("contextWindow",
                current == null || current.contextWindow() == null ? null : current.contextWindow().doubleValue(), 1,
                100_000_000, true));
        Integer maxOutput = whole(in.nullableNumber("maxOutput",
                current == null || current.maxOutput() == null ? null : current.maxOutput().doubleValue(), 1,
                100_000_000, true));
        boolean enabled = in.bool("isEnabled", current == null || current.isEnabled());
        in.check();
        return new ModelSettingsRepository.Setting(provider, model, name, capabilities, inputPrice, outputPrice,
                context, maxOutput, enabled, custom);
    }

    private static Integer whole(Double value) {
        return value == null ? null : value.intValue();
    }
}
