package ownpilot.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys, kept only as SHA-256 hashes, each mapped to a user id. A presented key is
 * hashed and compared with every configured hash in constant time, so neither the comparison nor the
 * number of keys tried tells an attacker how close a guess was.
 */
final class ApiKeys {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private record Entry(String userId, byte[] hash) {}

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parses {@code OWNPILOT_API_KEYS}; a malformed entry stops the start with a message naming it. */
    static ApiKeys parse(String configured) {
        List<Entry> entries = new ArrayList<>();
        if (configured != null) {
            int position = 0;
            for (String raw : configured.split(",")) {
                position++;
                String entry = raw.trim();
                if (entry.isEmpty()) {
                    continue;
                }
                int colon = entry.lastIndexOf(':');
                String user = colon < 0 ? "" : entry.substring(0, colon).trim();
                String hash = colon < 0 ? "" : entry.substring(colon + 1).trim();
                if (!USER.matcher(user).matches() || !SHA256_HEX.matcher(hash).matches()) {
                    throw new InsecureStartException("OWNPILOT_API_KEYS entry " + position + " must be <user id>:<sha256 "
                            + "hex of the key> (user id: letters, digits, . _ @ -; 64 hex digits)");
                }
                entries.add(new Entry(user, HexFormat.of().parseHex(hash)));
            }
        }
        return new ApiKeys(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The user the key belongs to; every configured hash is compared, whatever matched before. */
    Optional<String> userFor(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        String found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(presented, e.hash()) && found == null) {
                found = e.userId();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
