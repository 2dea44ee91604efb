package ownpilot.gateway.plans;

import tools.jackson.databind.JsonNode;

/** How one attempt at a step ended. */
sealed interface StepOutcome {

    /** Done; {@code jumpTo} is the step to continue at (a condition's branch), null for the next in order. */
    record Done(JsonNode result, String jumpTo) implements StepOutcome {}

    /** Waits for the user: an answer ({@code kind} input) or an approval ({@code approvalId}). */
    record Waiting(String kind, JsonNode details, String approvalId) implements StepOutcome {}

    record Failed(String error, JsonNode result) implements StepOutcome {}

    /** The plan was aborted (or deleted, or taken over) while the step ran; the work was cancelled. */
    record Aborted() implements StepOutcome {}
}
