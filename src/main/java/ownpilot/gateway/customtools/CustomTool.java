package ownpilot.gateway.customtools;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A stored custom tool. */
record CustomTool(String id, String name, String description, JsonNode parameters, String code, String category,
        String status, List<String> permissions, boolean requiresApproval, String createdBy, int version,
        int usageCount, String lastUsedAt, String createdAt, String updatedAt) {

    static final List<String> STATUSES = List.of("active", "disabled", "pending_approval", "rejected");
    static final List<String> PERMISSIONS = List.of("network", "filesystem", "database", "shell", "email",
            "scheduling");
}
