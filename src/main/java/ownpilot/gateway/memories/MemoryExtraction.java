package ownpilot.gateway.memories;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.chat.ChatCompleted;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.llm.ModelCalls;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.llm.ModelRequest;
import ownpilot.gateway.llm.ModelResponse;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Background extraction (mode {@code background}, per user through the setting {@code memory_extraction}
 * or for everyone through {@code OWNPILOT_MEMORY_EXTRACTION}): after a turn is answered, a small call to
 * the turn's own model proposes what is worth remembering. It runs on its own virtual thread as actor
 * {@code system:memory-extraction}, so the reply never waits for it; the call is budget-checked and
 * costed like any other. Best effort: a turn whose extraction fails (or that the gateway stops during)
 * is not retried.
 */
@Component
class MemoryExtraction implements DisposableBean {

    static final String SETTING = "memory_extraction";
    static final int MAX_PROPOSALS = 5;
    private static final Logger log = LoggerFactory.getLogger(MemoryExtraction.class);
    private static final String INSTRUCTIONS = """
            You pick out what a personal assistant should remember about its user from one exchange.
            Keep only durable facts, preferences, events or skills about the user, each as one short,
            self-contained sentence in the third person ("The user lives in Berlin"). Never keep secrets
            (passwords, keys, card numbers) or passing small talk. Answer with JSON only:
            {"memories": [{"content": "...", "type": "fact|preference|event|skill", "importance": 0.0-1.0}]}
            with at most 5 entries, or {"memories": []} when nothing is worth remembering.""";

    private final MemoryService memories;
    private final ModelCalls models;
    private final SettingsService settings;
    private final MemoryProperties properties;
    private final JsonMapper json;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    MemoryExtraction(MemoryService memories, ModelCalls models, SettingsService settings, MemoryProperties properties,
            JsonMapper json) {
        this.memories = memories;
        this.models = models;
        this.settings = settings;
        this.properties = properties;
        this.json = json;
    }

    String mode(String userId) {
        return settings.getText(userId, SETTING).filter(m -> List.of("off", "tools-only", "background").contains(m))
                .orElse(properties.extraction());
    }

    @EventListener
    void on(ChatCompleted turn) {
        if (turn.error() == null && turn.reply() != null && !turn.reply().isBlank() && turn.message() != null
                && mode(turn.userId()).equals("background")) {
            runner.submit(() -> extract(turn));
        }
    }

    void extract(ChatCompleted turn) {
        Actor actor = Actor.system(turn.userId(), "memory-extraction").inConversation(turn.conversationId());
        try {
            ModelResponse answer = models.call(new ModelRequest(actor, turn.provider(), turn.model(),
                    List.of(ModelMessage.system(INSTRUCTIONS), ModelMessage.user("User: " + clip(turn.message())
                            + "\n\nAssistant: " + clip(turn.reply()))),
                    List.of(), 400, 0.0, "completion", turn.conversationId()), delta -> { }, new Cancellation());
            int stored = 0;
            for (JsonNode proposal : proposals(answer.text())) {
                ObjectNode body = json.createObjectNode();
                body.set("content", proposal.get("content"));
                body.put("type", proposal.path("type").asString("fact"));
                if (proposal.path("importance").isNumber()) {
                    body.put("importance", Math.max(0, Math.min(1, proposal.path("importance").asDouble())));
                }
                body.put("source", "extraction");
                body.put("sourceId", turn.messageId());
                try {
                    memories.remember(actor, body);
                    stored++;
                } catch (ApiException refused) {
                    log.debug("Extracted memory refused: {}", refused.getMessage());
                }
            }
            log.debug("Memory extraction for {}: {} stored", turn.messageId(), stored);
        } catch (ApiException e) {
            log.info("Memory extraction after {} skipped: {} {}", turn.messageId(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Memory extraction after {} failed", turn.messageId(), e);
        }
    }

    /** The proposals in the model's answer: its JSON object (code fences allowed), at most five. */
    private List<JsonNode> proposals(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return List.of();
        }
        try {
            JsonNode items = json.readTree(text.substring(start, end + 1)).path("memories");
            return items.valueStream().filter(p -> p.path("content").isString()).limit(MAX_PROPOSALS).toList();
        } catch (JacksonException e) {
            return List.of();
        }
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) + "…" : text;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
