/**
 * The provider layer: the one way any module calls a language model. {@link ownpilot.gateway.llm.ModelCalls}
 * resolves the user's endpoint, enforces the budget, streams through langchain4j with retries before
 * the first token, stall detection and cancellation, and records usage and cost for every call.
 */
package ownpilot.gateway.llm;
