package ownpilot.gateway.security;

/** The configuration would expose the gateway without authentication, or names no credential. */
class InsecureStartException extends IllegalStateException {

    InsecureStartException(String message) {
        super(message);
    }
}
