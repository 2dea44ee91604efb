package ownpilot.gateway.memories;

import java.util.List;
import ownpilot.gateway.shared.records.RawJson;

/**
 * One memory as clients see it; {@code source} and {@code sourceId} say where it came from (a
 * conversation and its message, a tool run, the user, an import).
 */
public record Memory(String id, String type, String content, double importance, List<String> tags, String source,
        String sourceId, RawJson metadata, int accessedCount, String accessedAt, String createdAt, String updatedAt) {

    public static final List<String> TYPES = List.of("fact", "preference", "conversation", "event", "skill");
}
