package ownpilot.gateway.shared;

/** The answer of a {@code DELETE} of one resource: its id, and that it is gone. */
public record Deleted(String id, boolean deleted) {

    public static Deleted of(String id) {
        return new Deleted(id, true);
    }
}
