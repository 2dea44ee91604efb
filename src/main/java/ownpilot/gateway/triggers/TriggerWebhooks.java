package ownpilot.gateway.triggers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.security.SecretCipher;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.WebhookSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook deliveries. The sender signs {@code <timestamp>.<raw body>} with HMAC-SHA256 under the
 * trigger's secret and sends {@code X-OwnPilot-Timestamp} (Unix seconds) and {@code
 * X-OwnPilot-Signature: sha256=<hex>}. The signature is checked over the raw bytes before anything is
 * parsed, in constant time; a timestamp outside the replay window, or a signature seen before, is
 * refused. Every refusal is the same 401, so a stranger learns nothing about which triggers exist.
 * The action then runs in the background (at most {@value #MAX_RUNNING} at once) and the sender gets 202.
 */
@Component
class TriggerWebhooks implements DisposableBean {

    static final int MAX_RUNNING = 32;

    record Accepted(boolean accepted, String triggerId, String deliveryId) {}

    private final TriggerRepository triggers;
    private final TriggerFiring firing;
    private final SecretCipher cipher;
    private final JsonMapper json;
    private final long windowSeconds;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    TriggerWebhooks(TriggerRepository triggers, TriggerFiring firing, SecretCipher cipher, JsonMapper json,
            @Value("${ownpilot.triggers.webhook-window-seconds:300}") long windowSeconds) {
        this.triggers = triggers;
        this.firing = firing;
        this.cipher = cipher;
        this.json = json;
        this.windowSeconds = windowSeconds;
    }

    Accepted deliver(String triggerId, String timestamp, String signature, byte[] body) {
        Trigger trigger = triggers.findAnyUser(triggerId).filter(t -> t.type().equals("webhook") && t.enabled()
                && t.sealedSecret() != null).orElseThrow(TriggerWebhooks::refused);
        Long sent = WebhookSignatures.fresh(timestamp, windowSeconds);
        if (sent == null) {
            throw refused();
        }
        String secret = cipher.decrypt(trigger.sealedSecret(), TriggerService.SECRET_CONTEXT);
        byte[] expected = sign(secret, sent, body);
        if (signature == null || !MessageDigest.isEqual(expected, WebhookSignatures.hex(signature, "sha256="))) {
            throw refused();
        }
        JsonNode payload = parse(body);
        String key = "webhook:" + HexFormat.of().formatHex(expected);
        if (!running.tryAcquire()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "Too many webhook deliveries are running; retry shortly");
        }
        if (!triggers.claim(trigger.id(), key)) {
            running.release();
            throw refused();
        }
        runner.execute(() -> {
            try {
                firing.fire(trigger, "webhook", payload, null, null);
            } finally {
                running.release();
            }
        });
        return new Accepted(true, trigger.id(), key.substring(8, 24));
    }

    static byte[] sign(String secret, long timestamp, byte[] body) {
        return WebhookSignatures.hmacSha256(secret, timestamp + ".", body);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode().put("body", new String(body, StandardCharsets.UTF_8));
        }
    }

    private static ApiException refused() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE",
                "The webhook delivery is not signed by this trigger's secret, or its timestamp is stale or replayed");
    }

    @Override
    public void destroy() {
        runner.shutdown();
    }
}
