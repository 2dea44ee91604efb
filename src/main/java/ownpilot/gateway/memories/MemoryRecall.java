package ownpilot.gateway.memories;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ownpilot.gateway.chat.TurnContext;
import ownpilot.gateway.shared.Actor;

/** Puts the memories that best match the user's message into the turn's system prompt. */
@Component
@Order(20)
class MemoryRecall implements TurnContext {

    private final MemoryService memories;
    private final MemoryExtraction extraction;

    MemoryRecall(MemoryService memories, MemoryExtraction extraction) {
        this.memories = memories;
        this.extraction = extraction;
    }

    @Override
    public Contribution contribute(Actor actor, String message) {
        List<Memory> recalled = memories.recall(actor.userId(), message);
        StringBuilder section = new StringBuilder();
        recalled.forEach(m -> section.append("- (").append(m.type()).append(") ").append(m.content()).append('\n'));
        if (!extraction.mode(actor.userId()).equals("off")) {
            section.append("When the user tells you something durable about themselves, store it with the "
                    + "remember tool (through use_tool); use recall to look things up.");
        }
        return new Contribution("What you remember about the user", section.toString().strip(),
                recalled.stream().map(Memory::id).toList());
    }
}
