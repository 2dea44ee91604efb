package ownpilot.gateway.autonomy;

import java.util.List;

/** How risky a tool call is, and what the gate decided for it. */
public record Risk(int score, String level, List<String> reasons, Decision decision, String decisionReason) {

    public enum Decision { auto_approve, needs_approval, blocked }
}
