package ownpilot.gateway.settings;

import java.util.List;

/** How code-execution sandboxes are created: resources, network policy and the images allowed. */
public record SandboxSettings(boolean enabled, String basePath, int defaultMemoryMB, double defaultCpuCores,
        int defaultTimeoutMs, String defaultNetwork, int maxWorkspacesPerUser, int maxStoragePerUserGB,
        List<String> allowedImages, String pythonImage, String nodeImage, String shellImage) {

    public static final List<String> NETWORK_POLICIES = List.of("none", "restricted", "egress", "full");

    public static SandboxSettings defaults() {
        return new SandboxSettings(false, "/data/workspaces", 512, 0.5, 30_000, "none", 5, 2,
                List.of("python:3.11-slim", "node:20-slim", "alpine:latest"),
                "python:3.11-slim", "node:20-slim", "alpine:latest");
    }
}
