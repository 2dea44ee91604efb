package ownpilot.gateway.tools;

import java.util.List;
import java.util.Optional;

/** Tools that exist per user and change at runtime, such as custom tools. */
public interface DynamicToolSource {

    List<ToolDefinition> tools(String userId);

    Optional<ToolDefinition> find(String userId, String name);
}
