package ownpilot.gateway.shared;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Text ids generated in Java: random (version 4) UUIDs, or {@code <prefix>_<millis>_<random>} where the
 * spec wants prefixes; both unguessable, from {@link RandomStripes}.
 */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** The largest multiple of the alphabet's size in a byte: higher bytes are drawn again, so no letter is likelier. */
    private static final int UNBIASED_LIMIT = 256 - 256 % ALPHABET.length;

    private Ids() {}

    public static String uuid() {
        byte[] bytes = new byte[16];
        RandomStripes.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong()).toString();
    }

    public static String prefixed(String prefix) {
        char[] random = new char[10];
        byte[] bytes = new byte[16];
        int filled = 0;
        while (filled < random.length) {
            RandomStripes.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < random.length; i++) {
                int v = bytes[i] & 0xff;
                if (v < UNBIASED_LIMIT) {
                    random[filled++] = ALPHABET[v % ALPHABET.length];
                }
            }
        }
        return prefix + "_" + System.currentTimeMillis() + "_" + new String(random);
    }
}
