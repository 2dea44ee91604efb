package ownpilot.gateway.autonomy;

import java.time.Instant;
import ownpilot.gateway.shared.Actor;
import tools.jackson.databind.JsonNode;

/**
 * Published once an approved call has run, under the actor that asked for it (a plan waiting on its
 * step continues with {@code result}).
 */
public record ApprovedCallRan(Actor actor, String approvalId, String tool, boolean failed, JsonNode result,
        Instant occurredAt) {}
