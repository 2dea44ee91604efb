package ownpilot.gateway.tools;

import java.util.Map;

/** What an executor returns when it has more to say than the value, e.g. captured console output. */
public record ToolOutput(Object value, Map<String, Object> metadata) {}
