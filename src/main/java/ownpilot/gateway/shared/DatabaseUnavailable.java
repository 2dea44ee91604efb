package ownpilot.gateway.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures that mean "the database cannot be reached or has no connection free" (a pool wait that
 * timed out included): a 503 the client may retry, not an internal error. Shared by the JSON error
 * handler and the chat stream, whose errors travel as events after the 200.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    public static boolean is(Throwable e) {
        return e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException
                || e instanceof TransactionSystemException;
    }

    public static ApiException error() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", "The database is not reachable");
    }
}
