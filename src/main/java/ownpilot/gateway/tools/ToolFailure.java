package ownpilot.gateway.tools;

/** A tool could not do what it was asked; the message is shown to the caller (user or model). */
public class ToolFailure extends RuntimeException {

    public ToolFailure(String message) {
        super(message);
    }
}
