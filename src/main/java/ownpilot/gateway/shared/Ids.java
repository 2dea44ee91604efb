package ownpilot.gateway.shared;

import java.security.SecureRandom;
import java.util.UUID;

/** Text ids generated in Java: UUIDs, or {@code <prefix>_<millis>_<random>} where the spec wants prefixes. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {}

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static String prefixed(String prefix) {
        char[] random = new char[10];
        for (int i = 0; i < random.length; i++) {
            random[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + System.currentTimeMillis() + "_" + new String(random);
    }
}
