package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/** Checks emails, URLs, phone numbers and regular expressions; extracts URLs, emails and numbers. */
@Component
class ValidationTools implements ToolProvider {

    static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s<>\"')\\]]+");
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    private static final int MAX_FOUND = 10_000;
    private static final Pattern INTEGER_IN_TEXT = Pattern.compile("-?\\d+");

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("validate_email", "Check whether text is a well-formed email address", "validation",
                        ToolSchema.object().string("email", "The address", true, 320),
                        List.of("email", "validate", "check", "address"), (caller, args) -> email(Args.text(args, "email"))),
                tool("validate_url", "Check whether text is a well-formed http(s) URL and show its parts", "validation",
                        ToolSchema.object().string("url", "The URL", true, 4096),
                        List.of("url", "link", "validate", "check"), (caller, args) -> url(Args.text(args, "url"))),
                tool("validate_phone", "Check whether text looks like a phone number and normalise it to E.164",
                        "validation", ToolSchema.object().string("phone", "The number", true, 50),
                        List.of("phone", "telephone", "validate", "number"), (caller, args) -> phone(Args.text(args, "phone"))),
                tool("test_regex", "Test a regular expression against text and list the matches", "validation",
                        ToolSchema.object().string("pattern", "The regular expression", true, 1000)
                                .string("text", "Text to test", true).string("flags", "i, m, s, g", false, 4),
                        List.of("regex", "regular expression", "pattern", "match"), (caller, args) -> regex(
                                Args.text(args, "pattern"), Args.text(args, "text"), Args.text(args, "flags", ""))),
                tool("extract_urls", "Find the http(s) URLs in a text", "extraction",
                        ToolSchema.object().string("text", "The text", true),
                        List.of("extract", "url", "links"), (caller, args) -> distinct(URL_IN_TEXT, Args.text(args, "text"))),
                tool("extract_emails", "Find the email addresses in a text", "extraction",
                        ToolSchema.object().string("text", "The text", true),
                        List.of("extract", "email", "addresses"), (caller, args) -> TextScans.emails(Args.text(args, "text"), MAX_FOUND)),
                tool("extract_numbers", "Find the numbers in a text", "extraction",
                        ToolSchema.object().string("text", "The text", true)
                                .bool("include_decimals", "Keep decimals (default true)", false),
                        List.of("extract", "numbers", "digits"), (caller, args) -> all(
                                Args.bool(args, "include_decimals", true) ? NUMBER_IN_TEXT : INTEGER_IN_TEXT,
                                Args.text(args, "text"))));
    }

    static Map<String, Object> email(String email) {
        boolean valid = EMAIL.matcher(email.trim()).matches();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", valid);
        if (valid) {
            out.put("domain", email.trim().substring(email.trim().indexOf('@') + 1).toLowerCase());
        }
        return out;
    }

    static Map<String, Object> url(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            URI uri = new URI(text.trim());
            boolean web = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
            out.put("valid", web);
            if (web) {
                out.put("scheme", uri.getScheme().toLowerCase());
                out.put("host", uri.getHost());
                out.put("port", uri.getPort() == -1 ? null : uri.getPort());
                out.put("path", uri.getPath());
                out.put("query", uri.getQuery());
            }
        } catch (URISyntaxException e) {
            out.put("valid", false);
            out.put("reason", e.getReason());
        }
        return out;
    }

    /** E.164: a leading + (or 00) and 8 to 15 digits; spaces, dots, dashes and brackets are ignored. */
    static Map<String, Object> phone(String text) {
        String compact = text.trim().replaceAll("[\\s().-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        boolean international = compact.matches("\\+[1-9]\\d{7,14}");
        boolean national = compact.matches("0?\\d{6,14}");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", international || national);
        out.put("international", international);
        out.put("normalized", international ? compact : national ? compact : null);
        return out;
    }

    static Map<String, Object> regex(String pattern, String text, String flags) {
        Matcher m = GuardedRegex.matcher(GuardedRegex.compile(pattern, flags), text);
        List<Map<String, Object>> matches = new ArrayList<>();
        while (m.find() && matches.size() < 1000) {
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= m.groupCount(); g++) {
                groups.add(m.group(g));
            }
            matches.add(Map.of("match", m.group(), "index", m.start(), "groups", groups));
            if (!flags.contains("g")) {
                break;
            }
        }
        return Map.of("matches", !matches.isEmpty(), "count", matches.size(), "results", matches);
    }

    private static List<String> distinct(Pattern pattern, String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find() && found.size() < MAX_FOUND) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find() && found.size() < MAX_FOUND) {
            found.add(m.group());
        }
        return found;
    }
}
