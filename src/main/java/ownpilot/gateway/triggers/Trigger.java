package ownpilot.gateway.triggers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A trigger as stored and shown. {@code config} of a webhook trigger carries its {@code webhookPath}
 * and never its secret; {@code nextFireTimes} are a schedule's next fires in UTC.
 */
record Trigger(String id, @JsonIgnore String userId, String name, String description, String type, JsonNode config,
        JsonNode action, boolean enabled, int priority, String lastFired, String nextFire, List<String> nextFireTimes,
        int fireCount, String createdAt, String updatedAt, @JsonIgnore String sealedSecret) {

    String eventType() {
        return config.path("eventType").asString(null);
    }
}
