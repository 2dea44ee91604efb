package ownpilot.gateway.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.ApiException.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and partially updates {@link SandboxSettings}, stored as one JSON object under key {@code sandbox}. */
@Service
public class SandboxSettingsService {

    static final String KEY = "sandbox";
    private static final Pattern IMAGE = Pattern.compile("^[a-z0-9][a-z0-9._/-]{0,199}(:[A-Za-z0-9._-]{1,128})?$");
    private static final Set<String> FIELDS = Set.of("enabled", "basePath", "defaultMemoryMB", "defaultCpuCores",
            "defaultTimeoutMs", "defaultNetwork", "maxWorkspacesPerUser", "maxStoragePerUserGB", "allowedImages",
            "pythonImage", "nodeImage", "shellImage");

    private final SettingsRepository repository;
    private final JsonMapper json;

    SandboxSettingsService(SettingsRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public SandboxSettings current(String userId) {
        ObjectNode merged = json.valueToTree(SandboxSettings.defaults());
        repository.find(userId, KEY).filter(JsonNode::isObject).ifPresent(stored -> merged.setAll((ObjectNode) stored));
        return json.treeToValue(merged, SandboxSettings.class);
    }

    /** Applies the fields present in {@code patch}; returns their names and the resulting settings. */
    public List<String> update(String userId, JsonNode patch) {
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw ApiException.badRequest("The body must be a JSON object with at least one sandbox field");
        }
        List<FieldProblem> problems = new ArrayList<>();
        patch.propertyNames().forEach(name -> {
            String problem = FIELDS.contains(name) ? check(name, patch.get(name)) : "is not a sandbox setting";
            if (problem != null) {
                problems.add(new FieldProblem(name, problem));
            }
        });
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        ObjectNode stored = repository.find(userId, KEY).filter(JsonNode::isObject)
                .map(n -> (ObjectNode) n).orElseGet(json::createObjectNode);
        stored.setAll((ObjectNode) patch);
        repository.put(userId, KEY, stored);
        return List.copyOf(patch.propertyNames());
    }

    private static String check(String name, JsonNode value) {
        return switch (name) {
            case "enabled" -> value.isBoolean() ? null : "must be true or false";
            case "basePath" -> value.isString() && value.stringValue().startsWith("/")
                    && !value.stringValue().contains("..") && value.stringValue().length() <= 500
                    ? null : "must be an absolute path without '..'";
            case "defaultMemoryMB" -> intIn(value, 64, 65_536);
            case "defaultCpuCores" -> value.isNumber() && value.doubleValue() >= 0.1 && value.doubleValue() <= 64
                    ? null : "must be a number between 0.1 and 64";
            case "defaultTimeoutMs" -> intIn(value, 1_000, 600_000);
            case "defaultNetwork" -> value.isString() && SandboxSettings.NETWORK_POLICIES.contains(value.stringValue())
                    ? null : "must be one of " + String.join(", ", SandboxSettings.NETWORK_POLICIES);
            case "maxWorkspacesPerUser" -> intIn(value, 1, 100);
            case "maxStoragePerUserGB" -> intIn(value, 1, 1_000);
            case "allowedImages" -> imageList(value);
            default -> isImage(value) ? null : "must be a Docker image reference such as python:3.11-slim";
        };
    }

    private static String intIn(JsonNode value, int min, int max) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= min && value.intValue() <= max
                ? null : "must be a whole number between " + min + " and " + max;
    }

    private static String imageList(JsonNode value) {
        if (!value.isArray() || value.isEmpty() || value.size() > 50) {
            return "must be an array of 1 to 50 image references";
        }
        for (JsonNode item : value) {
            if (!isImage(item)) {
                return "must contain only Docker image references such as python:3.11-slim";
            }
        }
        return null;
    }

    private static boolean isImage(JsonNode value) {
        return value.isString() && IMAGE.matcher(value.stringValue()).matches();
    }
}
