package ownpilot.gateway.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an in-process reaction after the current transaction commits (never for one rolled back), or at
 * once outside a transaction. For observers that must not be durable (live-event frames, cache
 * invalidation): Spring Modulith turns every {@code @TransactionalEventListener} into a registry
 * listener, with publication rows and completion transactions taken on the publishing thread while it
 * still holds its own connection, which starved the pool under concurrent tool runs.
 */
public final class AfterCommit {

    /**
     * Set while this thread runs the reactions of a transaction that has committed: a reaction that
     * asks for another one then gets it at once, since Spring does not call synchronizations that are
     * registered while it is calling them. (A reaction that opens a transaction of its own and asks
     * inside it gets its reaction at once too, not after that inner commit; none does so today.)
     */
    private static final ThreadLocal<Boolean> COMMITTED = ThreadLocal.withInitial(() -> false);

    private AfterCommit() {}

    public static void run(Runnable reaction) {
        if (TransactionSynchronizationManager.isSynchronizationActive() && !COMMITTED.get()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    COMMITTED.set(true);
                    try {
                        reaction.run();
                    } finally {
                        COMMITTED.remove();
                    }
                }
            });
        } else {
            reaction.run();
        }
    }
}
