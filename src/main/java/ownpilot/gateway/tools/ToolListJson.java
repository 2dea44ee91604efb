package ownpilot.gateway.tools;

import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /tools} as JSON text. The built-in tools are fixed at start-up and make up most of the
 * 50 KB answer, so their part is serialized once; each request adds only the user's own tools.
 * Serializing the whole list on every request made it the slowest of the listed routes.
 */
@Component
class ToolListJson {

    private final ToolRegistry registry;
    private final JsonMapper json;
    private volatile String builtins;

    ToolListJson(ToolRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    RawJson all(String userId) {
        StringBuilder out = new StringBuilder(64 * 1024).append('[').append(builtins());
        for (ToolDefinition tool : registry.dynamicTools(userId)) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(json.writeValueAsString(ToolView.of(tool)));
        }
        return new RawJson(out.append(']').toString());
    }

    private String builtins() {
        String done = builtins;
        if (done == null) {
            done = registry.all().stream().map(t -> json.writeValueAsString(ToolView.of(t)))
                    .collect(Collectors.joining(","));
            builtins = done;
        }
        return done;
    }
}
