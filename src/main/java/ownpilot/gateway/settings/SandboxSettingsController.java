package ownpilot.gateway.settings;

import java.util.List;
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

    record Status(boolean enabled, boolean ready, String message) {}

    record View(SandboxSettings settings, boolean dockerAvailable, Status status) {}

    record Updated(List<String> updated, SandboxSettings settings) {}

    @GetMapping
    View get() {
        SandboxSettings settings = sandbox.current(user.id());
        boolean dockerAvailable = docker.dockerAvailable();
        String message = !settings.enabled() ? "Code execution sandbox is disabled"
                : dockerAvailable ? "Sandbox ready (Docker " + docker.dockerVersion().orElse("unknown") + ")"
                : "Sandbox is enabled but no Docker engine answers";
        return new View(settings, dockerAvailable,
                new Status(settings.enabled(), settings.enabled() && dockerAvailable, message));
    }

    @PostMapping
    Updated update(@RequestBody JsonNode patch) {
        List<String> updated = sandbox.update(user.id(), patch);
        return new Updated(updated, sandbox.current(user.id()));
    }
}
