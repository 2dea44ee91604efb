package ownpilot.gateway.tools.builtin;

import java.util.regex.Pattern;

/**
 * Markdown to plain text in linear time. Fenced blocks, images and links are cut by scanners that
 * look each closing mark up in a precomputed table (a regex such as {@code !\[([^\]]*)]\(} rescans to
 * the end of the text from every {@code ![} that is never closed); the line rules anchor on spaces
 * and tabs only, so a run of blank lines is not rescanned from each of its starts.
 */
final class MarkdownText {

    private static final Pattern HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]*");
    private static final Pattern QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*[-*+][ \\t]+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.*?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*|_)(.*?)\\1");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    private MarkdownText() {}

    static String strip(String markdown) {
        String text = links(links(fences(markdown), true), false);
        text = HEADING.matcher(text).replaceAll("");
        text = QUOTE.matcher(text).replaceAll("");
        text = BULLET.matcher(text).replaceAll("");
        text = STRONG.matcher(text).replaceAll("$2");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        return CODE.matcher(text).replaceAll("$1").trim();
    }

    /** Removes each {@code ```…```} block; an unclosed fence stays. */
    private static String fences(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int open;
        while ((open = text.indexOf("```", from)) >= 0) {
            int close = text.indexOf("```", open + 3);
            if (close < 0) {
                break;
            }
            out.append(text, from, open);
            from = close + 3;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** {@code ![alt](url)} to {@code alt} (images) or {@code [text](url)} to {@code text} (links). */
    private static String links(String text, boolean images) {
        int[] nextBracket = nextIndexTable(text, ']');
        int[] nextParen = nextIndexTable(text, ')');
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            int open = images ? (text.startsWith("![", i) ? i + 1 : -1) : (text.charAt(i) == '[' ? i : -1);
            if (open >= 0) {
                int close = nextBracket[open + 1];
                if (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == '(') {
                    int end = nextParen[close + 2];
                    if (end >= 0) {
                        out.append(text, copied, i).append(text, open + 1, close);
                        i = end + 1;
                        copied = i;
                        continue;
                    }
                }
            }
            i++;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** For each index, where the next {@code mark} at or after it is (-1 when none); one more slot for the end. */
    private static int[] nextIndexTable(String text, char mark) {
        int[] next = new int[text.length() + 2];
        next[text.length()] = -1;
        next[text.length() + 1] = -1;
        for (int i = text.length() - 1; i >= 0; i--) {
            next[i] = text.charAt(i) == mark ? i : next[i + 1];
        }
        return next;
    }
}
