package ownpilot.gateway.tools;

/** Published after every tool run, successful or not, for audit and live events. */
public record ToolExecuted(String tool, String category, String source, ToolCaller caller, boolean isError,
        long durationMs, String error) {}
