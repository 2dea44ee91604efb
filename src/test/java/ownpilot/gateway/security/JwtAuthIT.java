package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.Gateway;
import ownpilot.gateway.support.LiveSocket;

/** Auth mode {@code jwt}: HS256 only, {@code exp} required, {@code sub} is the user. */
class JwtAuthIT {

    static final String SECRET = "a-test-secret-of-sixty-four-bytes-so-hs512-can-be-tried-too-0123";

    static Gateway gateway;

    @BeforeAll
    static void start() {
        gateway = Gateway.start("--ownpilot.auth.mode=jwt", "--ownpilot.auth.jwt-secret=" + SECRET,
                "--ownpilot.auth.rate-limit.per-address-per-minute=100000");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static String token(JWSAlgorithm alg, String subject, Instant expires) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date());
        if (expires != null) {
            claims.expirationTime(Date.from(expires));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims.build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static Api as(String token) {
        return gateway.api().with("Authorization", "Bearer " + token);
    }

    @Test
    void aValidTokenActsAsItsSubject() throws Exception {
        Instant soon = Instant.now().plusSeconds(300);
        Api alice = as(token(JWSAlgorithm.HS256, "alice", soon));
        Api bob = as(token(JWSAlgorithm.HS256, "bob", soon));
        String id = alice.post("/api/v1/tasks", Map.of("title", "alice's secret plan")).data().path("id").asString();
        assertThat(alice.get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(gateway.api().get("/api/v1/tasks").status()).isEqualTo(401);
        assertThat(gateway.api().get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void forgedExpiredAndOtherAlgorithmTokensAreRefused() throws Exception {
        Instant soon = Instant.now().plusSeconds(300);
        String expired = token(JWSAlgorithm.HS256, "alice", Instant.now().minusSeconds(120));
        String noExpiry = token(JWSAlgorithm.HS256, "alice", null);
        String noSubject = token(JWSAlgorithm.HS256, "", soon);
        String hs512 = token(JWSAlgorithm.HS512, "alice", soon);
        String none = new PlainJWT(new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(soon))
                .build()).serialize();
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        SignedJWT rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(soon)).build());
        rs256.sign(new RSASSASigner(rsa.generateKeyPair().getPrivate()));
        String valid = token(JWSAlgorithm.HS256, "alice", soon);
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        for (Map.Entry<String, String> bad : Map.of("expired", expired, "no exp", noExpiry, "no sub", noSubject,
                "HS512", hs512, "alg none", none, "RS256", rs256.serialize(), "bad signature", tampered,
                "garbage", "not.a.jwt").entrySet()) {
            Api.Response r = as(bad.getValue()).get("/api/v1/tasks");
            assertThat(r.status()).as(bad.getKey()).isEqualTo(401);
            assertThat(r.errorCode()).as(bad.getKey()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void theLiveEventSocketTakesTheTokenInTheQuery() throws Exception {
        String valid = token(JWSAlgorithm.HS256, "alice", Instant.now().plusSeconds(300));
        assertThatThrownBy(() -> new LiveSocket(gateway.port(), "")).isInstanceOf(ExecutionException.class);
        try (LiveSocket socket = new LiveSocket(gateway.port(), "?token=" + valid)) {
            assertThat(socket.next("connection:ready", 10)).isNotNull();
        }
    }
}
