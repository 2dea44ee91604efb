package ownpilot.gateway.shared;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Retries the reactions that failed: every interval, publications whose listener threw are handed to
 * it again, with a backoff that doubles per attempt (capped at an hour) and at most {@code maxAttempts}
 * attempts; after that the publication stays in the registry, failed, for an operator to look at.
 * Spring Modulith resubmits what a crash left incomplete at start; between starts nothing would.
 */
@Component
class EventRetries implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final FailedEventPublications failed;
    private final IncompleteEventPublications incomplete;
    private final Duration interval;
    private final int maxAttempts;

    EventRetries(FailedEventPublications failed, IncompleteEventPublications incomplete, KernelProperties settings) {
        this.incomplete = incomplete;
        long intervalMs = settings.events().retryIntervalMs();
        int maxAttempts = settings.events().maxAttempts();
        this.failed = failed;
        this.interval = Duration.ofMillis(Math.max(10, intervalMs));
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::retryFailed, interval, interval));
    }

    void retryFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withFilter(this::due));
            // never dispatched (the listener queue was full): published, not failed, and left waiting
            Instant stale = Instant.now().minus(interval.multipliedBy(10));
            incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withBatchSize(100)
                    .withFilter(p -> p.getStatus() == EventPublication.Status.PUBLISHED
                            && p.getLastResubmissionDate() == null && p.getPublicationDate().isBefore(stale)));
        } catch (RuntimeException e) {
            // the database may be away; the next round tries again
            log.warn("Could not resubmit failed event publications: {}", e.toString());
        }
    }

    private boolean due(EventPublication publication) {
        int attempts = publication.getCompletionAttempts();
        if (attempts >= maxAttempts) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration backoff = interval.multipliedBy(factor);
        return Instant.now().isAfter(last.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff));
    }
}
