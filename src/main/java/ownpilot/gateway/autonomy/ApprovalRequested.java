package ownpilot.gateway.autonomy;

/** Published when a tool call is parked for the user's approval. */
public record ApprovalRequested(String userId, String approvalId, String tool, String risk, String reason,
        String correlationId) {}
