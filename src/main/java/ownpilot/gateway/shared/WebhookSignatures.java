package ownpilot.gateway.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces every signed webhook shares (trigger webhooks, Slack, Discord): an HMAC-SHA256 over a
 * prefix and the raw body, a hex signature header read without throwing, and the replay window of a
 * Unix-seconds timestamp. Comparing is left to the caller, with {@code MessageDigest.isEqual}.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {}

    /** HMAC-SHA256 under {@code secret} of {@code prefix} (UTF-8) followed by {@code body}. */
    public static byte[] hmacSha256(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a hex signature after an optional scheme prefix ({@code sha256=}, {@code v0=}); empty when it is not hex. */
    public static byte[] hex(String header, String scheme) {
        String value = header.trim();
        value = value.startsWith(scheme) ? value.substring(scheme.length()) : value;
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** The timestamp (Unix seconds) when it parses and lies within {@code windowSeconds} of now, else null. */
    public static Long fresh(String timestamp, long windowSeconds) {
        if (timestamp == null) {
            return null;
        }
        try {
            long sent = Long.parseLong(timestamp.trim());
            return Math.abs(Instant.now().getEpochSecond() - sent) <= windowSeconds ? sent : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
