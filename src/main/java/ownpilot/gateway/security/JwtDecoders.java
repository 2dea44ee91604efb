package ownpilot.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Auth mode {@code jwt}: HS256 only (a token saying {@code none}, {@code HS512} or {@code RS256} is
 * refused before its claims are read), {@code exp} required and checked with a bounded clock skew,
 * and {@code sub}, the user id, required.
 */
final class JwtDecoders {

    static final int MIN_SECRET_BYTES = 32;

    private JwtDecoders() {}

    /** The secret's bytes; a missing or short one stops the start. */
    static byte[] key(String secret) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new InsecureStartException("OWNPILOT_AUTH=jwt needs OWNPILOT_JWT_SECRET of at least "
                    + MIN_SECRET_BYTES + " bytes (e.g. openssl rand -hex 32)");
        }
        return key;
    }

    static JwtDecoder hs256(String secret, int clockSkewSeconds) {
        byte[] key = key(secret);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(clockSkewSeconds)),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()
                        && sub.length() <= 64)));
        return decoder;
    }
}
