package ownpilot.gateway.autonomy;

import tools.jackson.databind.JsonNode;

/** A tool call parked until the user decides; {@code result} is filled once an approved call ran. */
public record Approval(String id, String tool, JsonNode arguments, JsonNode risk, String status, String reason,
        String actorType, String actorId, String correlationId, JsonNode result, String createdAt, String expiresAt,
        String decidedAt) {}
