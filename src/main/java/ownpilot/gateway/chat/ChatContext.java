package ownpilot.gateway.chat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.llm.ModelToolCall;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds what the model is sent: the system prompt (the agent's or the default, the meta-tool
 * instructions, the time), the newest stored messages that fit the budget, and the new message.
 */
@Component
class ChatContext {

    static final String DEFAULT_PROMPT = "You are OwnPilot, a helpful personal AI assistant. "
            + "Answer clearly and concisely, and say so when you are not sure.";
    private static final int MAX_STORED_MESSAGES = 200;
    /** About 100k tokens at four characters a token. */
    private static final int MAX_CONTEXT_CHARS = 400_000;
    private static final int MAX_TOOL_LIST_CHARS = 20_000;

    private static final Logger log = LoggerFactory.getLogger(ChatContext.class);

    private final MessageRepository messages;
    private final ToolRegistry registry;
    private final SettingsService settings;
    private final JsonMapper json;
    /** The contributors in order, looked up once: a bean-factory lookup on every turn cost a third of its set-up. */
    private final SingletonSupplier<List<TurnContext>> contributors;

    ChatContext(MessageRepository messages, ToolRegistry registry, SettingsService settings, JsonMapper json,
            ObjectProvider<TurnContext> contributors) {
        this.messages = messages;
        this.registry = registry;
        this.settings = settings;
        this.json = json;
        this.contributors = SingletonSupplier.of(() -> contributors.orderedStream().toList());
    }

    /**
     * What the other modules add to this turn's system prompt (memories, the profile), each under its
     * heading; what they recalled goes into the trace. One that fails is logged and left out.
     */
    String contributions(Actor actor, String message, ChatTrace trace) {
        StringBuilder out = new StringBuilder();
        contributors.obtain().forEach(c -> {
            try {
                TurnContext.Contribution part = c.contribute(actor, message);
                if (part.section() != null && !part.section().isBlank()) {
                    out.append("\n\n## ").append(part.heading()).append('\n').append(part.section());
                }
                trace.recalled(part.recalled());
            } catch (RuntimeException e) {
                log.warn("Turn context from {} left out: {}", c.getClass().getSimpleName(), e.toString());
                trace.error("Context left out: " + c.getClass().getSimpleName());
            }
        });
        return out.toString();
    }

    String systemPrompt(String userId, String basePrompt, List<String> agentTools) {
        StringBuilder p = new StringBuilder(basePrompt == null || basePrompt.isBlank() ? DEFAULT_PROMPT : basePrompt);
        p.append("\n\n## Tools\nYou do not see tool definitions directly. Use search_tools to find a tool by what "
                + "it does, get_tool_help to learn its parameters, then use_tool to run it. Some calls need the "
                + "user's approval: when a call is waiting for approval, tell the user and do not repeat it.");
        if (!agentTools.isEmpty()) {
            p.append("\nTools meant for you: ")
                    .append(String.join(", ", agentTools.subList(0, Math.min(agentTools.size(), 80))));
        }
        var zone = settings.timeZone(userId);
        p.append("\n\n## Context\nCurrent date and time: ")
                .append(ZonedDateTime.now(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" (")
                .append(zone.getId()).append(")");
        return p.toString();
    }

    /** Stored messages, newest that fit, with tool calls kept only where all their results are present. */
    List<ModelMessage> history(String userId, String conversationId) {
        List<MessageRepository.Stored> stored = messages.recent(userId, conversationId, MAX_STORED_MESSAGES);
        Set<String> answered = new HashSet<>();
        stored.stream().filter(m -> m.role().equals("tool") && m.toolCallId() != null)
                .forEach(m -> answered.add(m.toolCallId()));
        List<ModelMessage> out = new ArrayList<>();
        Set<String> open = new HashSet<>();
        for (MessageRepository.Stored m : stored) {
            switch (m.role()) {
                case "user" -> out.add(ModelMessage.user(m.content()));
                case "assistant" -> {
                    List<ModelToolCall> calls = toolCalls(m.toolCallsJson());
                    boolean complete = !calls.isEmpty() && calls.stream().allMatch(c -> answered.contains(c.id()));
                    if (complete) {
                        calls.forEach(c -> open.add(c.id()));
                        out.add(ModelMessage.assistant(m.content(), calls));
                    } else if (!m.content().isBlank()) {
                        out.add(ModelMessage.assistant(m.content(), List.of()));
                    }
                }
                case "tool" -> {
                    if (open.remove(m.toolCallId())) {
                        out.add(ModelMessage.tool(m.toolCallId(), m.toolName(), m.content()));
                    }
                }
                default -> { }
            }
        }
        return trim(out);
    }

    /** The new message as the model sees it: with the tool catalog appended when asked for. */
    String userMessage(String userId, String message, boolean includeToolList) {
        if (!includeToolList) {
            return message;
        }
        Map<String, List<ToolDefinition>> byCategory = new TreeMap<>();
        registry.all(userId).stream().filter(t -> !ToolCallRunner.META_TOOLS.contains(t.name()))
                .forEach(t -> byCategory.computeIfAbsent(t.category() == null ? "Other" : t.category(),
                        k -> new ArrayList<>()).add(t));
        StringBuilder b = new StringBuilder(message).append("\n\n---\nAvailable tools (run them with use_tool):");
        for (var e : byCategory.entrySet()) {
            b.append("\n## ").append(e.getKey());
            for (ToolDefinition t : e.getValue()) {
                if (b.length() > MAX_TOOL_LIST_CHARS) {
                    return b.append("\n(… more: use search_tools)").toString();
                }
                b.append("\n- ").append(t.name()).append(": ").append(t.description());
            }
        }
        return b.toString();
    }

    private List<ModelToolCall> toolCalls(String jsonText) {
        if (jsonText == null) {
            return List.of();
        }
        try {
            List<ModelToolCall> out = new ArrayList<>();
            for (JsonNode c : json.readTree(jsonText)) {
                out.add(new ModelToolCall(c.path("id").asString(), c.path("name").asString(),
                        c.path("arguments").asString("{}")));
            }
            return out;
        } catch (JacksonException e) {
            return List.of();
        }
    }

    /** Drops the oldest messages beyond the budget, never starting on a tool result. */
    private static List<ModelMessage> trim(List<ModelMessage> all) {
        long chars = 0;
        int start = all.size();
        while (start > 0) {
            ModelMessage m = all.get(start - 1);
            chars += (m.content() == null ? 0 : m.content().length()) + 50;
            if (chars > MAX_CONTEXT_CHARS) {
                break;
            }
            start--;
        }
        while (start < all.size() && all.get(start).role().equals("tool")) {
            start++;
        }
        return new ArrayList<>(all.subList(start, all.size()));
    }
}
