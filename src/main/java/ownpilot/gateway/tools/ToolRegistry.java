package ownpilot.gateway.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.stereotype.Service;

/**
 * Every tool contributed by a {@link ToolProvider}, by name, plus each user's dynamic tools from
 * {@link DynamicToolSource}s. Two built-in tools with one name are a programming error and stop the
 * start-up, rather than one silently replacing the other; dynamic tools cannot shadow built-ins.
 */
@Service
public class ToolRegistry {

    private final Map<String, ToolDefinition> tools = new LinkedHashMap<>();
    /** Looked up once, on first use (the sources depend on the registry, so not in the constructor). */
    private final SingletonSupplier<List<DynamicToolSource>> sources;

    ToolRegistry(List<ToolProvider> providers, ObjectProvider<DynamicToolSource> dynamic) {
        this.sources = SingletonSupplier.of(() -> dynamic.orderedStream().toList());
        for (ToolProvider provider : providers) {
            for (ToolDefinition tool : provider.tools()) {
                ToolDefinition previous = tools.putIfAbsent(tool.name(), tool);
                if (previous != null) {
                    throw new IllegalStateException("Tool " + tool.name() + " is registered twice");
                }
            }
        }
    }

    /** The built-in tools (the same for every user). */
    public Collection<ToolDefinition> all() {
        return List.copyOf(tools.values());
    }

    /** Built-in tools followed by the user's dynamic tools. */
    public List<ToolDefinition> all(String userId) {
        List<ToolDefinition> out = new ArrayList<>(tools.values());
        out.addAll(dynamicTools(userId));
        return out;
    }

    /** Only the user's dynamic tools (custom ones), in source order. */
    List<ToolDefinition> dynamicTools(String userId) {
        List<ToolDefinition> out = new ArrayList<>();
        sources.obtain().forEach(source -> out.addAll(source.tools(userId)));
        return out;
    }

    public boolean isBuiltin(String name) {
        return tools.containsKey(name);
    }

    public Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public Optional<ToolDefinition> find(String userId, String name) {
        ToolDefinition builtin = tools.get(name);
        if (builtin != null) {
            return Optional.of(builtin);
        }
        return sources.obtain().stream().map(source -> source.find(userId, name)).flatMap(Optional::stream).findFirst();
    }
}
