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

    private AfterCommit() {}

    public static void run(Runnable reaction) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reaction.run();
                }
            });
        } else {
            reaction.run();
        }
    }
}
