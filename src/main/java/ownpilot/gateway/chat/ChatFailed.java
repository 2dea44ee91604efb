package ownpilot.gateway.chat;

import ownpilot.gateway.shared.ApiException;

/** A run that failed after it started: the cause, and the answer text streamed before it failed. */
final class ChatFailed extends RuntimeException {

    private final ApiException cause;
    private final String partial;

    ChatFailed(ApiException cause, String partial) {
        super(cause.getMessage(), cause);
        this.cause = cause;
        this.partial = partial;
    }

    ApiException error() {
        return cause;
    }

    String partial() {
        return partial;
    }
}
