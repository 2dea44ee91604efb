package ownpilot.gateway.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import tools.jackson.databind.JsonNode;

/** Sandbox settings with the Docker engine's state beside them. */
@RestController
@RequestMapping("/api/v1/settings/sandbox")
class SandboxSettingsController {

    private final SandboxSettingsService sandbox;
    private final DockerStatus docker;
    private final CurrentUser user;

    SandboxSettingsController(SandboxSettingsService sandbox, DockerStatus docker, CurrentUser user) {
        this.sandbox = sandbox;
        this.docker = docker;
        this.user = user;
    }

    @GetMapping
    Map<String, Object> get() {
        SandboxSettings settings = sandbox.current(user.id());
        boolean dockerAvailable = docker.dockerAvailable();
        String message = !settings.enabled() ? "Code execution sandbox is disabled"
                : dockerAvailable ? "Sandbox ready (Docker " + docker.dockerVersion().orElse("unknown") + ")"
                : "Sandbox is enabled but no Docker engine answers";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", settings);
        out.put("dockerAvailable", dockerAvailable);
        out.put("status", Map.of("enabled", settings.enabled(), "ready", settings.enabled() && dockerAvailable,
                "message", message));
        return out;
    }

    @PostMapping
    Map<String, Object> update(@RequestBody JsonNode patch) {
        List<String> updated = sandbox.update(user.id(), patch);
        return Map.of("updated", updated, "settings", sandbox.current(user.id()));
    }
}
