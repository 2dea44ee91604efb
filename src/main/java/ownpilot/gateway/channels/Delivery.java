package ownpilot.gateway.channels;

import java.util.List;

/**
 * What one verified webhook delivery holds: the messages in it, and what to answer the platform with
 * when they were accepted or when their sender is not allowed (Discord shows that answer to the sender).
 */
record Delivery(List<Inbound> messages, Object response, Object blockedResponse) {

    static Delivery of(List<Inbound> messages, Object response) {
        return new Delivery(messages, response, response);
    }

    static Delivery answer(Object response) {
        return new Delivery(List.of(), response, response);
    }
}
