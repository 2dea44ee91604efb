package ownpilot.gateway.tools;

import java.util.Map;

/** A tool could not do what it was asked; the message is shown to the caller (user or model). */
public class ToolFailure extends RuntimeException {

    private final transient Map<String, Object> metadata;

    public ToolFailure(String message) {
        this(message, null);
    }

    /** With details for the caller, such as the console output of a failed script. */
    public ToolFailure(String message, Map<String, Object> metadata) {
        super(message);
        this.metadata = metadata;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }
}
