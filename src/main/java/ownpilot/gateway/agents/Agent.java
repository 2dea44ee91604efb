package ownpilot.gateway.agents;

/** A stored agent. {@code provider}/{@code model} may be {@code "default"}, resolved from settings at run time. */
public record Agent(String id, String name, String provider, String model, String systemPrompt, AgentConfig config,
        String templateId, String conversationId, String createdAt, String updatedAt) {}
