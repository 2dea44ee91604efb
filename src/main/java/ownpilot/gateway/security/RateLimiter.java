package ownpilot.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per key (a user, a client address), refilled greedily to {@code perMinute} a minute.
 * Buckets of keys not seen for ten minutes are dropped, and at most 100,000 are kept, so a flood of
 * addresses cannot grow the memory without bound. Buckets are per replica: behind a load balancer
 * spreading requests over n replicas a client gets up to n times the limit.
 */
final class RateLimiter {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    RateLimiter(int perMinute) {
        this.perMinute = Math.max(1, perMinute);
    }

    /** 0 when the request may go on, else the seconds to wait before the next one is allowed. */
    long secondsToWait(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
