package ownpilot.gateway.tools;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every tool contributed by a {@link ToolProvider}, by name. Two tools with one name are a
 * programming error and stop the start-up, rather than one silently replacing the other.
 */
@Service
public class ToolRegistry {

    private final Map<String, ToolDefinition> tools = new LinkedHashMap<>();

    ToolRegistry(List<ToolProvider> providers) {
        for (ToolProvider provider : providers) {
            for (ToolDefinition tool : provider.tools()) {
                ToolDefinition previous = tools.putIfAbsent(tool.name(), tool);
                if (previous != null) {
                    throw new IllegalStateException("Tool " + tool.name() + " is registered twice");
                }
            }
        }
    }

    public Collection<ToolDefinition> all() {
        return List.copyOf(tools.values());
    }

    public Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }
}
