package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/** Text statistics, case changes, slugs, truncation, wrapping, search and replace, word counts. */
@Component
class TextTools implements ToolProvider {

    static final List<String> CASES = List.of("upper", "lower", "title", "sentence", "camel", "pascal", "snake",
            "kebab", "constant");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    @Override
    public List<ToolDefinition> tools() {
        List<String> tags = List.of("text", "string", "words");
        return List.of(
                tool("text_stats", "Characters, words, lines, sentences, paragraphs and reading time of a text",
                        "textUtils", ToolSchema.object().string("text", "The text", true),
                        List.of("text", "count", "statistics", "length", "words"), (caller, args) -> stats(Args.text(args, "text"))),
                tool("change_case", "Change text case: upper, lower, title, sentence, camel, pascal, snake, kebab, constant",
                        "textUtils", ToolSchema.object().string("text", "The text", true)
                                .oneOf("case_type", "Target case", true, CASES),
                        List.of("case", "uppercase", "lowercase", "camelcase", "snake"),
                        (caller, args) -> changeCase(Args.text(args, "text"), Args.text(args, "case_type"))),
                tool("to_slug", "Turn text into a URL slug such as hello-world", "textUtils",
                        ToolSchema.object().string("text", "The text", true)
                                .string("separator", "Separator, default -", false, 3),
                        List.of("slug", "url", "text"), (caller, args) -> slug(Args.text(args, "text"),
                                Args.text(args, "separator", "-"))),
                tool("truncate_text", "Shorten text to a length, adding a suffix, optionally at a word boundary",
                        "textUtils", ToolSchema.object().string("text", "The text", true)
                                .integer("length", "Maximum length, default 100", false, 1, 100_000)
                                .string("suffix", "Appended when cut, default …", false, 20)
                                .bool("word_boundary", "Cut at a word boundary (default true)", false),
                        tags, (caller, args) -> truncate(Args.text(args, "text"), Args.integer(args, "length", 100),
                                Args.text(args, "suffix", "…"), Args.bool(args, "word_boundary", true))),
                tool("wrap_text", "Wrap text at a line width", "textUtils",
                        ToolSchema.object().string("text", "The text", true)
                                .integer("width", "Line width, default 80", false, 10, 1000),
                        tags, (caller, args) -> wrap(Args.text(args, "text"), Args.integer(args, "width", 80))),
                tool("search_replace", "Replace text, literally or by regular expression, first or every match",
                        "textUtils", ToolSchema.object().string("text", "The text", true)
                                .string("search", "What to find", true, 1000)
                                .string("replace", "Replacement ($1 for groups when regex)", true, 10_000)
                                .bool("regex", "Search is a regular expression", false)
                                .bool("global", "Replace every match (default true)", false),
                        List.of("replace", "find", "regex", "substitute", "text"), (caller, args) -> replace(args.path("text").asString(),
                                Args.text(args, "search"), Args.text(args, "replace"), Args.bool(args, "regex", false),
                                Args.bool(args, "global", true))),
                tool("count_words", "Word frequencies: the most common words of a text", "mathStats",
                        ToolSchema.object().string("text", "The text", true)
                                .integer("top", "How many words, default 10", false, 1, 1000)
                                .integer("min_length", "Ignore shorter words, default 1", false, 1, 100),
                        List.of("words", "frequency", "count", "text"), (caller, args) -> countWords(Args.text(args, "text"),
                                Args.integer(args, "top", 10), Args.integer(args, "min_length", 1))),
                tool("strip_markdown", "Remove Markdown formatting, keeping the text", "textUtils",
                        ToolSchema.object().string("markdown", "Markdown text", true),
                        List.of("markdown", "plain text", "strip"), (caller, args) -> stripMarkdown(Args.text(args, "markdown"))));
    }

    static Map<String, Object> stats(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        int words = (int) WORD.matcher(text).results().count();
        out.put("characters", text.length());
        out.put("charactersNoSpaces", text.replaceAll("\\s", "").length());
        out.put("words", words);
        String[] lines = text.split("\\R", -1);
        out.put("lines", text.isEmpty() ? 0 : lines.length);
        out.put("sentences", TextScans.terminatedSentences(text) + (endsOpen(text) ? 1 : 0));
        out.put("paragraphs", TextScans.paragraphs(lines));
        out.put("readingTimeMinutes", Math.max(words == 0 ? 0 : 1, Math.round(words / 200.0)));
        return out;
    }

    /** The text's last non-space character is not a sentence terminator: an unfinished last sentence. */
    private static boolean endsOpen(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last != '.' && last != '!' && last != '?';
    }

    static String changeCase(String text, String kind) {
        List<String> words = WORD.matcher(text.replaceAll("([a-z0-9])([A-Z])", "$1 $2")).results()
                .map(m -> m.group().toLowerCase(Locale.ROOT)).toList();
        return switch (kind) {
            case "upper" -> text.toUpperCase(Locale.ROOT);
            case "lower" -> text.toLowerCase(Locale.ROOT);
            case "title" -> capitalizeWords(text.toLowerCase(Locale.ROOT));
            case "sentence" -> text.isEmpty() ? text
                    : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1).toLowerCase(Locale.ROOT);
            case "camel" -> {
                String pascal = String.join("", words.stream().map(TextTools::capitalize).toList());
                yield pascal.isEmpty() ? pascal : pascal.substring(0, 1).toLowerCase(Locale.ROOT) + pascal.substring(1);
            }
            case "pascal" -> String.join("", words.stream().map(TextTools::capitalize).toList());
            case "snake" -> String.join("_", words);
            case "kebab" -> String.join("-", words);
            default -> String.join("_", words).toUpperCase(Locale.ROOT);
        };
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }

    private static String capitalizeWords(String text) {
        Matcher m = Pattern.compile("\\b(\\p{L})").matcher(text);
        return m.replaceAll(r -> r.group(1).toUpperCase(Locale.ROOT));
    }

    static String slug(String text, String separator) {
        String ascii = Normalizer.normalize(text.replace("ß", "ss").replace("ẞ", "SS"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String joined = String.join(separator, ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
        // trimmed by hand: ^(sep)+|(sep)+$ retries from every position of a run of separators
        int start = 0;
        int end = joined.length();
        int step = separator.length();
        while (step > 0 && joined.startsWith(separator, start)) {
            start += step;
        }
        while (step > 0 && end - step >= start && joined.startsWith(separator, end - step)) {
            end -= step;
        }
        return joined.substring(Math.min(start, end), end);
    }

    static String truncate(String text, int length, String suffix, boolean wordBoundary) {
        if (text.length() <= length) {
            return text;
        }
        int cut = Math.max(0, length - suffix.length());
        String head = text.substring(0, cut);
        if (wordBoundary && cut < text.length() && !Character.isWhitespace(text.charAt(cut))) {
            int space = head.lastIndexOf(' ');
            head = space > 0 ? head.substring(0, space) : head;
        }
        return head.stripTrailing() + suffix;
    }

    static String wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    static Map<String, Object> replace(String text, String search, String replacement, boolean regex, boolean global) {
        Pattern pattern = regex ? GuardedRegex.compile(search, "") : Pattern.compile(Pattern.quote(search));
        Matcher m = GuardedRegex.matcher(pattern, text);
        String repl = regex ? replacement : Matcher.quoteReplacement(replacement);
        int count = 0;
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, repl);
            count++;
            if (!global) {
                break;
            }
        }
        m.appendTail(out);
        return Map.of("result", out.toString(), "replacements", count);
    }

    static List<Map<String, Object>> countWords(String text, int top, int minLength) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(r -> r.group())
                .filter(w -> w.length() >= minLength).forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).<Map<String, Object>>map(e -> Map.of("word", e.getKey(), "count", e.getValue())).toList();
    }

    static String stripMarkdown(String markdown) {
        return MarkdownText.strip(markdown);
    }
}
