package ownpilot.gateway.shared;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes domain events into the durable publication registry. Inside a transaction the event is
 * stored with the transaction's own writes and reaches its listeners after the commit; outside one
 * (a tool run, which must not hold a connection for its whole run) it is stored in a transaction of
 * its own, because an after-commit listener never hears an event published without a transaction.
 */
@Component
public class DomainEvents {

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    DomainEvents(ApplicationEventPublisher publisher, TransactionTemplate transactions) {
        this.publisher = publisher;
        this.transactions = transactions;
    }

    public void publish(Object event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            publisher.publishEvent(event);
        } else {
            transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        }
    }
}
