package ownpilot.gateway.tools.builtin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import ownpilot.gateway.tools.ToolFailure;

/**
 * Regular expressions from callers, bounded: the pattern is compiled with the given flags and the
 * text is wrapped so that matching stops with a clear error after {@link #BUDGET_MS} ms, which is
 * how a catastrophic-backtracking pattern such as {@code (a+)+$} ends.
 */
final class GuardedRegex {

    static final long BUDGET_MS = 1000;

    private GuardedRegex() {}

    static Pattern compile(String pattern, String flags) {
        int bits = 0;
        for (char f : (flags == null ? "" : flags).toCharArray()) {
            bits |= switch (f) {
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'g', 'u' -> 0;
                default -> throw new ToolFailure("Unknown regex flag '" + f + "' (use i, m, s, g)");
            };
        }
        try {
            return Pattern.compile(pattern, bits);
        } catch (PatternSyntaxException e) {
            throw new ToolFailure("Invalid regular expression: " + e.getDescription());
        }
    }

    static Matcher matcher(Pattern pattern, String text) {
        return pattern.matcher(new Deadline(text, System.nanoTime() + BUDGET_MS * 1_000_000));
    }

    /**
     * The text as the matcher sees it. Every 256th character read (counted per read, not by index:
     * a backtracking pattern rereads the same few characters of a short input forever) checks the
     * clock and whether the run was cancelled.
     */
    private static final class Deadline implements CharSequence {
        private final CharSequence text;
        private final long deadlineNanos;
        private int reads;

        Deadline(CharSequence text, long deadlineNanos) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFF) == 0) {
                check();
            }
            return text.charAt(index);
        }

        private void check() {
            if (System.nanoTime() > deadlineNanos) {
                throw new ToolFailure("The regular expression took longer than " + BUDGET_MS + " ms and was stopped");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ToolFailure("The regular expression was cancelled");
            }
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), deadlineNanos);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
