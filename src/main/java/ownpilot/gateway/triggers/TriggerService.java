package ownpilot.gateway.triggers;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.security.SecretCipher;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SafeExpressions;
import ownpilot.gateway.shared.SharedCaches;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, changes and deletes triggers, keeping Quartz's schedule in the same transaction (its job
 * store writes through the application's connection), so a trigger and its schedule never disagree.
 * A schedule without a time zone gets the user's ({@code timezone} setting) written into its config.
 */
@Service
class TriggerService {

    static final String SECRET_CONTEXT = "trigger-webhook";
    static final String MASK = "********";

    /** A created trigger; a webhook trigger's secret is shown here once and never again. */
    record Created(Trigger trigger, String message, String webhookSecret) {}

    private final TriggerRepository triggers;
    private final TriggerScheduler scheduler;
    private final SettingsService settings;
    private final SafeExpressions expressions;
    private final SecretCipher cipher;
    private final SharedCaches.Named<Boolean> listening;
    private final int minIntervalSeconds;
    private final SecureRandom random = new SecureRandom();

    TriggerService(TriggerRepository triggers, TriggerScheduler scheduler, SettingsService settings,
            SafeExpressions expressions, SecretCipher cipher, SharedCaches caches,
            @Value("${ownpilot.triggers.min-interval-seconds:60}") int minIntervalSeconds) {
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.settings = settings;
        this.expressions = expressions;
        this.cipher = cipher;
        this.listening = caches.cache("trigger_event_listeners", 10_000);
        this.minIntervalSeconds = minIntervalSeconds;
    }

    @Transactional
    public Created create(String userId, JsonNode body) {
        TriggerInput.Values v = TriggerInput.read(body, null, expressions, minIntervalSeconds);
        Instant firstFire = schedule(userId, v);
        String id = Ids.prefixed("trigger");
        String secret = v.type().equals("webhook") ? (v.secret() != null ? v.secret() : newSecret()) : null;
        Trigger saved = triggers.insert(userId, id, v, secret == null ? null : cipher.encrypt(secret, SECRET_CONTEXT),
                firstFire);
        scheduler.apply(saved);
        listeningChanged(userId);
        return new Created(view(saved), "Trigger created.", secret);
    }

    @Transactional
    public Trigger update(String userId, String id, JsonNode body) {
        Trigger current = get(userId, id);
        TriggerInput.Values v = TriggerInput.read(body, current, expressions, minIntervalSeconds);
        Instant firstFire = schedule(userId, v);
        String secret = v.secret() == null ? null : cipher.encrypt(v.secret(), SECRET_CONTEXT);
        Trigger saved = triggers.update(userId, id, v, secret, firstFire).orElseThrow(() -> notFound(id));
        scheduler.apply(saved);
        listeningChanged(userId);
        return view(saved);
    }

    @Transactional
    public Trigger setEnabled(String userId, String id, boolean enabled) {
        return update(userId, id, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("enabled", enabled));
    }

    @Transactional
    public void delete(String userId, String id) {
        if (!triggers.delete(userId, id)) {
            throw notFound(id);
        }
        scheduler.unschedule(id);
        listeningChanged(userId);
    }

    Trigger get(String userId, String id) {
        return triggers.find(userId, id).orElseThrow(() -> notFound(id));
    }

    List<Trigger> list(String userId, String type, Boolean enabled, int limit, int offset) {
        return triggers.list(userId, type, enabled, limit, offset).stream().map(this::view).toList();
    }

    /** Whether a user has an enabled event trigger for this event type (cached, dropped on every change). */
    boolean listensTo(String userId, String eventType) {
        return listening.get(userId + "|" + eventType, k -> !triggers.listeningTo(userId, eventType).isEmpty());
    }

    private void listeningChanged(String userId) {
        // invalidate drops an entry at once and again after the commit
        TriggerInput.EVENTS.forEach(e -> listening.invalidate(userId + "|" + e));
    }

    /** Shown fields: the next fire times of a schedule, a webhook's path; never a secret. */
    Trigger view(Trigger t) {
        JsonNode config = t.config();
        List<String> next = List.of();
        if (t.type().equals("schedule") && t.enabled()) {
            next = TriggerScheduler.schedule(t).next(Instant.now(), 5).stream().map(Instant::toString).toList();
        } else if (t.type().equals("webhook")) {
            ObjectNode shown = ((ObjectNode) config).deepCopy();
            shown.put("webhookPath", "/api/v1/triggers/" + t.id() + "/webhook");
            shown.put("secret", MASK);
            config = shown;
        }
        return new Trigger(t.id(), t.userId(), t.name(), t.description(), t.type(), config, t.action(), t.enabled(),
                t.priority(), t.lastFired(), t.nextFire(), next, t.fireCount(), t.createdAt(), t.updatedAt(), null);
    }

    /**
     * A schedule's zone (the user's when none is given, written into the config), its interval
     * checked, and its first fire time (null when disabled and for the other types); parsed once.
     */
    private Instant schedule(String userId, TriggerInput.Values v) {
        if (!v.type().equals("schedule")) {
            return null;
        }
        if (!v.config().hasNonNull("timezone")) {
            v.config().put("timezone", settings.timeZone(userId).getId());
        }
        CronSchedule cron = CronSchedule.parse(v.config().path("cron").asString(),
                ZoneId.of(v.config().path("timezone").asString()));
        cron.checkInterval(minIntervalSeconds, Instant.now());
        List<Instant> next = v.enabled() ? cron.next(Instant.now(), 1) : List.of();
        return next.isEmpty() ? null : next.getFirst();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Trigger not found: " + id);
    }
}
