package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Ids are well-formed and distinct, and making one never waits for a generator another thread holds. */
class IdsTest {

    @Test
    void uuidsAreRandomVersionFourAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = Ids.uuid();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void prefixedIdsHaveTenLettersOrDigitsAndUseTheWholeAlphabet() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = Ids.prefixed("usage");
            assertThat(id).matches("usage_[0-9]{13}_[a-z0-9]{10}");
            id.substring(id.lastIndexOf('_') + 1).chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(36);
    }

    @Test
    void anIdIsMadeWhileEveryGeneratorButOneIsHeldElsewhere() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReentrantLock[] locks = RandomStripes.LOCKS;
        CompletableFuture<String> made = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().unstarted(() -> made.complete(Ids.uuid()));
        // the one free generator is not the caller's first choice
        int free = (int) ((caller.threadId() + 1) % locks.length);
        Thread holder = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < locks.length; i++) {
                if (i != free) {
                    locks[i].lock();
                }
            }
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                for (int i = 0; i < locks.length; i++) {
                    if (i != free) {
                        locks[i].unlock();
                    }
                }
            }
        });
        try {
            holding.await();
            // the deadline only guards against a hang (a caller waiting for its own held generator)
            caller.start();
            String id = made.get(30, TimeUnit.SECONDS);
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
        } finally {
            release.countDown();
            holder.join();
        }
    }
}
