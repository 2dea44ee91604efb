package ownpilot.gateway.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.DomainEvents;

/**
 * A listener on the durable event registry whose behaviour a test sets per event: fail a number of
 * times, or hang and never complete (as if the process died while it ran). Its state is
 * static, so that a test sees deliveries in an application it started itself.
 */
@Component
public class EventProbe {

    public record ProbeHappened(String id) {}

    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final Set<String> BLOCKING = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Set<String> DELIVERED = ConcurrentHashMap.newKeySet();

    private final DomainEvents events;

    EventProbe(DomainEvents events) {
        this.events = events;
    }

    public void publish(String id) {
        events.publish(new ProbeHappened(id));
    }

    public static void failTimes(String id, int times) {
        FAILURES.put(id, new AtomicInteger(times));
    }

    public static void block(String id) {
        BLOCKING.add(id);
    }

    public static void unblock(String id) {
        BLOCKING.remove(id);
    }

    public static int attempts(String id) {
        return ATTEMPTS.getOrDefault(id, new AtomicInteger()).get();
    }

    public static boolean delivered(String id) {
        return DELIVERED.contains(id);
    }

    @ApplicationModuleListener
    void on(ProbeHappened event) throws InterruptedException {
        ATTEMPTS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
        if (BLOCKING.contains(event.id())) {
            while (BLOCKING.contains(event.id())) {
                Thread.sleep(50);
            }
            throw new IllegalStateException("the process this run belonged to has stopped");
        }
        AtomicInteger failures = FAILURES.get(event.id());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("probe failure for " + event.id());
        }
        DELIVERED.add(event.id());
    }
}
