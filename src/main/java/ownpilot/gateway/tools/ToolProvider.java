package ownpilot.gateway.tools;

import java.util.List;

/** Implemented by each module that contributes tools; the registry collects every such bean. */
public interface ToolProvider {

    List<ToolDefinition> tools();
}
