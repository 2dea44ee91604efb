package ownpilot.gateway.plans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One step of a plan; {@code retrySafe}: may run again after a crash interrupted it. */
record PlanStep(String id, String planId, @JsonIgnore String userId, int orderNum, String type, String name,
        String description, JsonNode config, String status, List<String> dependencies, JsonNode result, String error,
        int retryCount, int maxRetries, Integer timeoutMs, boolean retrySafe, String notBefore, String approvalId,
        String onSuccess, String onFailure, JsonNode metadata, String startedAt, String completedAt, Integer durationMs) {

    static final List<String> TYPES = List.of("tool_call", "llm_decision", "user_input", "condition", "parallel",
            "loop", "sub_plan");
    static final List<String> STATUSES = List.of("pending", "running", "completed", "failed", "skipped", "blocked",
            "waiting");

    boolean done() {
        return status.equals("completed") || status.equals("skipped");
    }
}
