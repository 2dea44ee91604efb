package ownpilot.gateway.memories;

import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.tools.ToolArguments;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolExecutor;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model's memory: remember, recall, update and forget. A memory the model remembers inside a
 * chat names its conversation as its source; elsewhere the tool run's correlation id.
 */
@Component
class MemoryTools implements ToolProvider {

    static final String REMEMBER = "remember";
    private static final String MEMORY_ID = "memoryId";
    private static final String CATEGORY = "memory";
    private static final String SOURCE = "memory";

    private final MemoryService memories;
    private final MemorySearch search;

    MemoryTools(MemoryService memories, MemorySearch search) {
        this.memories = memories;
        this.search = search;
    }

    record Remembered(String memoryId, boolean deduplicated, String content, String type) {}

    record Recalled(String memoryId, String type, String content, double importance, Double similarity) {}

    record Forgotten(String memoryId, boolean deleted) {}

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool(REMEMBER, "Remember something durable about the user (a fact, a preference, an event, a skill) "
                                + "for later conversations. Never store secrets such as passwords or keys.",
                        ToolSchema.object().string("content", "What to remember, as one self-contained sentence", true,
                                        MemoryInput.MAX_CONTENT)
                                .oneOf("type", "What kind of memory", false, Memory.TYPES)
                                .number("importance", "How much it matters, 0 to 1 (default 0.5)", false)
                                .array("tags", "Short labels", false, "string", MemoryInput.MAX_TAGS),
                        this::remember),
                tool("recall", "Find what you remember about the user, by meaning (not only exact words)",
                        ToolSchema.object().string("query", "What to look for", true, 1000)
                                .oneOf("type", "Only this kind of memory", false, Memory.TYPES)
                                .integer("limit", "How many (default 5)", false, 1, 20),
                        this::recall),
                tool("update_memory", "Correct or re-weigh a memory",
                        ToolSchema.object().string("memoryId", "The memory's id (from recall)", true, 64)
                                .string("content", "The corrected sentence", false, MemoryInput.MAX_CONTENT)
                                .oneOf("type", "What kind of memory", false, Memory.TYPES)
                                .number("importance", "0 to 1", false),
                        (caller, args) -> memories.update(caller, ToolArguments.id(args, MEMORY_ID),
                                ToolArguments.without(args, MEMORY_ID))),
                tool("forget", "Delete a memory the user wants forgotten or that is wrong",
                        ToolSchema.object().string("memoryId", "The memory's id (from recall)", true, 64).build(),
                        (caller, args) -> {
                            memories.forget(caller, ToolArguments.id(args, MEMORY_ID));
                            return new Forgotten(ToolArguments.id(args, MEMORY_ID), true);
                        }));
    }

    private Object remember(Actor caller, JsonNode args) {
        ObjectNode body = ((ObjectNode) args).deepCopy();
        body.put("source", caller.conversationId() != null ? "conversation" : "tool");
        body.put("sourceId", caller.conversationId() != null ? caller.conversationId() : caller.correlationId());
        MemoryService.Saved saved = memories.remember(caller, body);
        return new Remembered(saved.memory().id(), saved.deduplicated(), saved.memory().content(),
                saved.memory().type());
    }

    private Object recall(Actor caller, JsonNode args) {
        String type = args.path("type").isString() ? args.path("type").asString() : null;
        int limit = args.path("limit").asInt(5);
        return search.search(caller.userId(), args.path("query").asString(),
                        new MemoryRepository.Filter(type, List.of(), null), limit).stream()
                .map(h -> new Recalled(h.memory().id(), h.memory().type(), h.memory().content(),
                        h.memory().importance(), h.similarity()))
                .toList();
    }



    private static ToolDefinition tool(String name, String description, Object schema, ToolExecutor executor) {
        ObjectNode parameters = schema instanceof ToolSchema s ? s.build() : (ObjectNode) schema;
        return new ToolDefinition(name, description, parameters, CATEGORY, SOURCE, List.of("memory", "remember"),
                executor);
    }
}
