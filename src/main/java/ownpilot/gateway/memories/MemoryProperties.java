package ownpilot.gateway.memories;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Memory settings ({@code ownpilot.memory.*}).
 *
 * @param dedupSimilarity cosine similarity at or above which a new memory of the same type is the same
 *     memory said again (it boosts the stored one); 0.85 joins paraphrases such as "User prefers dark
 *     mode" / "The user likes dark mode" (0.93 with the shipped model) and keeps apart distinct facts
 *     such as "I live in Berlin" / "I live in Munich" (0.74)
 * @param recallLimit how many memories a chat turn recalls at most
 * @param recallChars the most characters of recalled memories a turn's system prompt takes
 * @param extraction after a turn: {@code off}, {@code tools-only} (the model remembers through its
 *     tools) or {@code background} (a small model call proposes memories after the reply)
 * @param maintenanceCron when decay and cleanup run for every user
 */
@ConfigurationProperties("ownpilot.memory")
record MemoryProperties(@DefaultValue("0.85") double dedupSimilarity, @DefaultValue("5") int recallLimit,
        @DefaultValue("1500") int recallChars, @DefaultValue("tools-only") String extraction,
        @DefaultValue("0 30 3 * * *") String maintenanceCron) {

    MemoryProperties {
        if (!java.util.List.of("off", "tools-only", "background").contains(extraction)) {
            throw new IllegalArgumentException(
                    "OWNPILOT_MEMORY_EXTRACTION must be off, tools-only or background, not '" + extraction + "'");
        }
        if (dedupSimilarity <= 0 || dedupSimilarity > 1) {
            throw new IllegalArgumentException("OWNPILOT_MEMORY_DEDUP_SIMILARITY must be in (0, 1]");
        }
    }
}
