package ownpilot.gateway.shared;

/**
 * Finds the NUL character in JSON text fed one byte at a time (so across read boundaries): a raw
 * zero byte, or the escape {@code \u0000} after an odd number of backslashes ({@code \\u0000} is a
 * backslash followed by the text {@code u0000}, which is fine).
 */
final class NulScanner {

    private static final byte[] ESCAPE = {'u', '0', '0', '0', '0'};

    private boolean oddBackslashes;
    private int matched;

    boolean foundAfter(int b) {
        if (b == 0) {
            return true;
        }
        if (matched > 0) {
            if (b == ESCAPE[matched]) {
                return ++matched == ESCAPE.length;
            }
            matched = 0;
        }
        if (b == '\\') {
            oddBackslashes = !oddBackslashes;
            return false;
        }
        if (b == 'u' && oddBackslashes) {
            matched = 1;
        }
        oddBackslashes = false;
        return false;
    }
}
