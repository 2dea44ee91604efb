package ownpilot.gateway.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Unguessable random bytes for ids without one lock shared by every thread. The JDK's
 * {@code UUID.randomUUID()} and every default {@code SecureRandom} on Linux (NativePRNG) go through
 * one monitor; under a burst of thousands of virtual threads making ids, a platform thread waited up
 * to a second for it (the probe port's threads, which make each probe's request id: bench/README.md,
 * eighth session). Here several DRBG generators sit behind their own locks; a caller takes the first
 * free one ({@code tryLock}, which never waits) starting from one picked by its thread, and waits only
 * when all are held at once, which takes more threads running than the machine has cores.
 */
final class RandomStripes {

    private static final int STRIPES = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];
    private static final SecureRandom[] GENERATORS = new SecureRandom[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private RandomStripes() {}

    static void nextBytes(byte[] out) {
        int home = (int) (Thread.currentThread().threadId() % STRIPES);
        for (int k = 0; k < STRIPES; k++) {
            int i = (home + k) % STRIPES;
            if (LOCKS[i].tryLock()) {
                try {
                    generator(i).nextBytes(out);
                } finally {
                    LOCKS[i].unlock();
                }
                return;
            }
        }
        LOCKS[home].lock();
        try {
            generator(home).nextBytes(out);
        } finally {
            LOCKS[home].unlock();
        }
    }

    /**
     * Stripe {@code i}'s generator, made on its first use (seeding one costs about a millisecond, so
     * the stripes a small load never reaches cost nothing at start); called holding the stripe's lock.
     */
    private static SecureRandom generator(int i) {
        SecureRandom g = GENERATORS[i];
        if (g == null) {
            g = drbg();
            GENERATORS[i] = g;
        }
        return g;
    }

    /** The JDK's NIST SP 800-90A generator, seeded from the system's entropy source. */
    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No DRBG SecureRandom in this JDK", e);
        }
    }
}
