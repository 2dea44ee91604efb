package ownpilot.gateway.tools;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The autonomy gate's verdict on one tool call the assistant wanted to make: it ran, it waits for the
 * user's approval ({@code approvalId}), or it was refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateVerdict(String tool, Decision decision, String reason, String risk, String approvalId) {

    public enum Decision { auto_approve, needs_approval, blocked }

    public boolean runs() {
        return decision == Decision.auto_approve;
    }
}
