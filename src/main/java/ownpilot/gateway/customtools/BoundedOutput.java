package ownpilot.gateway.customtools;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first {@code limit} bytes a script prints and drops the rest. */
final class BoundedOutput extends ByteArrayOutputStream {

    private final int limit;
    private boolean truncated;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (count < limit) {
            super.write(b);
        } else {
            truncated = true;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, limit - count);
        super.write(b, off, Math.min(room, len));
        truncated |= len > room;
    }

    String text() {
        return toString(StandardCharsets.UTF_8) + (truncated ? "\n… (console output truncated)" : "");
    }
}
