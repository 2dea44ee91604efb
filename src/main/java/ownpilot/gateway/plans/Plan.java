package ownpilot.gateway.plans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ownpilot.gateway.shared.records.RawJson;

/**
 * A plan and the state of its run. {@code status} uses the original's names, which the web UI needs
 * (pending, running, paused, completed, failed, cancelled); {@code lifecycle} the spec's (draft,
 * active, paused, completed, failed). {@code waitingFor}: what a running plan waits on (a question for
 * the user, an approval), null otherwise.
 */
record Plan(String id, @JsonIgnore String userId, String name, String description, String goal, String status,
        int currentStep, int totalSteps, int progress, int priority, String source, String sourceId, String triggerId,
        String goalId, int autonomyLevel, int maxRetries, Integer timeoutMs, RawJson checkpoint, String error,
        RawJson waitingFor, RawJson metadata, String createdAt, String updatedAt, String startedAt,
        String completedAt, @JsonIgnore String leaseOwner) {

    static final java.util.List<String> STATUSES = java.util.List.of("pending", "running", "paused", "completed",
            "failed", "cancelled");

    @com.fasterxml.jackson.annotation.JsonProperty("lifecycle")
    public String lifecycle() {
        return switch (status) {
            case "pending" -> "draft";
            case "running" -> "active";
            case "cancelled" -> "failed";
            default -> status;
        };
    }

    boolean terminal() {
        return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
    }
}
