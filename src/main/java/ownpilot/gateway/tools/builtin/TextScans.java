package ownpilot.gateway.tools.builtin;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Hand-written single-pass scanners for what the text tools count and extract. The regexes they
 * replace ({@code [^.!?]+[.!?]+}, the email pattern) retry from every start position and so take
 * quadratic time on a long run that never matches, such as 100,000 letters without a full stop.
 */
final class TextScans {

    private TextScans() {}

    /** Runs of non-terminators followed by at least one of {@code . ! ?}, as {@code [^.!?]+[.!?]+} counts them. */
    static int terminatedSentences(String text) {
        int count = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean terminator = c == '.' || c == '!' || c == '?';
            if (terminator && inRun) {
                count++;
                inRun = false;
            } else if (!terminator) {
                inRun = true;
            }
        }
        return count;
    }

    /** Groups of consecutive non-blank lines: paragraphs are separated by blank lines. */
    static int paragraphs(String[] lines) {
        int count = 0;
        boolean inParagraph = false;
        for (String line : lines) {
            boolean blank = line.isBlank();
            if (!blank && !inParagraph) {
                count++;
            }
            inParagraph = !blank;
        }
        return count;
    }

    /**
     * Email addresses, leftmost-longest as {@code [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}}
     * finds them: around each {@code @}, the local part runs left (never into the previous match),
     * the domain runs right and ends after the last dot that two or more letters follow.
     */
    static List<String> emails(String text, int max) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        int searchFrom = 0;
        for (int at = text.indexOf('@'); at >= 0 && found.size() < max; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > searchFrom && isLocal(text.charAt(start - 1))) {
                start--;
            }
            int end = domainEnd(text, at + 1);
            if (start < at && end > 0) {
                found.add(text.substring(start, end));
                searchFrom = end;
            }
        }
        return List.copyOf(found);
    }

    /** The end of a valid domain starting at {@code from}, or -1. */
    private static int domainEnd(String text, int from) {
        int runEnd = from;
        while (runEnd < text.length() && isDomain(text.charAt(runEnd))) {
            runEnd++;
        }
        for (int dot = runEnd - 1; dot > from; dot--) {
            if (text.charAt(dot) != '.') {
                continue;
            }
            int letters = dot + 1;
            while (letters < runEnd && isAsciiLetter(text.charAt(letters))) {
                letters++;
            }
            if (letters - dot - 1 >= 2) {
                return letters;
            }
        }
        return -1;
    }

    private static boolean isLocal(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomain(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
