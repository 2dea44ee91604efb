package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.agents.Agent;
import ownpilot.gateway.agents.AgentConfig;
import ownpilot.gateway.agents.AgentService;
import ownpilot.gateway.llm.ModelCalls;
import ownpilot.gateway.llm.ModelTool;
import ownpilot.gateway.models.ModelEndpoint;
import ownpilot.gateway.models.ModelEndpoints;
import ownpilot.gateway.settings.ProviderDefaults;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolRegistry;

/**
 * Everything decided before a chat runs, so a bad request fails with a plain HTTP error even when
 * it asked for a stream: the agent, provider and model ("default" resolved from settings), demo mode,
 * the conversation (named, the context's current one, or a new one) and the tools the model sees.
 */
@Component
class ChatSetup {

    /** The resolved request; {@code demo} when no provider is configured at all. */
    record Setup(ChatRequest request, Agent agent, boolean demo, String provider, ModelEndpoint endpoint, String model,
            ConversationRepository.Conversation conversation, boolean newConversation, String contextKey,
            List<ModelTool> tools, AgentConfig config) {}

    private final AgentService agents;
    private final ProviderDefaults defaults;
    private final ModelCalls calls;
    private final ModelEndpoints endpoints;
    private final ConversationRepository conversations;
    private final ToolRegistry registry;
    private final ConversationLocks locks;

    ChatSetup(AgentService agents, ProviderDefaults defaults, ModelCalls calls, ModelEndpoints endpoints,
            ConversationRepository conversations, ToolRegistry registry, ConversationLocks locks) {
        this.locks = locks;
        this.agents = agents;
        this.defaults = defaults;
        this.calls = calls;
        this.endpoints = endpoints;
        this.conversations = conversations;
        this.registry = registry;
    }

    Setup resolve(Actor actor, ChatRequest req) {
        return resolve(actor, req, null);
    }

    /**
     * {@code threadConversation}: the conversation of a background caller's thread (a channel's chat),
     * continued when it exists and started under that id when it does not, whatever the agent's own
     * current conversation is; null for the usual rules.
     */
    Setup resolve(Actor actor, ChatRequest req, String threadConversation) {
        String userId = actor.userId();
        Agent agent = req.agentId() == null ? null : agents.get(userId, req.agentId());
        String provider = firstSet(req.provider(), agent == null ? null : agent.provider());
        ProviderDefaults.Resolved saved = null;
        ModelEndpoint endpoint = null;
        boolean demo;
        if (provider != null) {
            endpoint = usableOrDemo(userId, provider);
            demo = endpoint == null;
        } else {
            List<String> configured = defaults.configuredProviders(userId);
            saved = defaults.resolve(userId, configured);
            demo = configured.isEmpty();
            provider = demo ? "demo" : saved.provider();
            endpoint = demo ? null : calls.endpoint(userId, provider);
        }
        String model;
        if (demo) {
            model = "demo";
        } else {
            model = firstSet(req.model(), agent == null ? null : agent.model());
            if (model == null) {
                saved = saved == null ? defaults.resolve(userId) : saved;
                model = provider.equals(saved.provider()) ? saved.model() : null;
            }
            if (model == null) {
                model = endpoints.defaultModel(userId, provider).orElse(null);
            }
            if (model == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "MODEL_NOT_FOUND", "No model available for provider "
                        + provider + "; name one with \"model\"");
            }
        }
        AgentConfig config = agent == null ? AgentConfig.defaults() : agent.config();
        // a background caller's new conversation must not become the one the user's chat continues
        boolean background = actor.type() != Actor.Type.user && actor.type() != Actor.Type.agent;
        String contextKey = background ? actor.typeName() + ":" + actor.id()
                : agent != null ? "agent:" + agent.id() : "chat:" + provider + ":" + model;
        String wantedId = threadConversation;
        if (wantedId == null && agent != null && req.conversationId() == null) {
            wantedId = req.newConversation() || agent.conversationId() == null
                    ? agents.resetConversation(actor, agent.id())
                    : agent.conversationId();
        }
        ConversationRepository.Conversation found = wantedId != null
                ? conversations.find(userId, wantedId).orElse(null) : conversation(userId, req, contextKey);
        boolean isNew = found == null;
        ConversationRepository.Conversation conversation = isNew
                ? create(userId, req, agent, provider, model, wantedId) : found;
        return new Setup(req, agent, demo, provider, endpoint, model, conversation, isNew, contextKey, tools(userId, req),
                config);
    }

    /** The named provider's endpoint; null (demo mode) when it has no key and no provider at all is configured. */
    private ModelEndpoint usableOrDemo(String userId, String provider) {
        try {
            return calls.endpoint(userId, provider);
        } catch (ApiException e) {
            if (e.code().equals("PROVIDER_NOT_CONFIGURED") && defaults.configuredProviders(userId).isEmpty()) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The named conversation (404 if unknown), else the context's current one, else null for a new one.
     * An agent's current conversation is the one stored on the agent ({@code POST /agents/:id/reset} starts a new one).
     */
    private ConversationRepository.Conversation conversation(String userId, ChatRequest req, String contextKey) {
        if (req.conversationId() != null) {
            return conversations.find(userId, req.conversationId()).orElseThrow(() -> locks.isBusy(req.conversationId())
                    ? ConversationLocks.busy(req.conversationId())
                    : new ApiException(HttpStatus.NOT_FOUND, "CONVERSATION_NOT_FOUND",
                            "Conversation not found: " + req.conversationId()));
        }
        if (req.newConversation()) {
            return null;
        }
        return conversations.current(userId, contextKey).flatMap(id -> conversations.find(userId, id)).orElse(null);
    }

    /** A new conversation, not stored yet: the run stores it with the first message. */
    private static ConversationRepository.Conversation create(String userId, ChatRequest req, Agent agent,
            String provider, String model, String id) {
        String title = req.message().length() <= 50 ? req.message() : req.message().substring(0, 50) + "...";
        return (new ConversationRepository.Conversation(id == null ? Ids.uuid() : id,
                title.replaceAll("\\s+", " ").trim(), agent == null ? null : agent.id(),
                agent == null ? "Chat" : agent.name(), provider, model, agent == null ? null : agent.systemPrompt(), 0,
                false, null, null));
    }

    private List<ModelTool> tools(String userId, ChatRequest req) {
        List<ModelTool> out = new ArrayList<>();
        for (String name : ToolCallRunner.META_TOOLS) {
            registry.find(userId, name).ifPresent(t -> out.add(toModel(t)));
        }
        for (String name : req.directTools()) {
            if (ToolCallRunner.META_TOOLS.contains(name)) {
                continue;
            }
            ToolDefinition t = registry.find(userId, name).orElseThrow(() -> ApiException.validation("directTools",
                    "unknown tool: " + name));
            out.add(toModel(t));
        }
        return out;
    }

    private static ModelTool toModel(ToolDefinition t) {
        return new ModelTool(t.name(), t.description(), t.parameters());
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.equals("default")) {
                return v;
            }
        }
        return null;
    }
}
