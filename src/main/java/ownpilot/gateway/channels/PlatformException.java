package ownpilot.gateway.channels;

/**
 * A platform call that did not succeed: unreachable (network, timeout), refused (the platform answered
 * with an error: a bad token, a chat the bot is not in) or unauthorized (the credential is wrong). The
 * message is the platform's own description, never the request's URL (Telegram's carries the token).
 */
final class PlatformException extends Exception {

    enum Kind { UNREACHABLE, REFUSED, UNAUTHORIZED }

    private final Kind kind;

    PlatformException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
