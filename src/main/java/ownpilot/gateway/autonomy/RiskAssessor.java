package ownpilot.gateway.autonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import ownpilot.gateway.tools.ToolDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Scores a tool call from 0 to 100.
 *
 * <p>Base by what the tool does: reading or computing 5 (pure utility categories, and names starting
 * {@code get_ list_ search_ find_ validate_ extract_ count_ format_ parse_ convert_ calculate recall}); creating
 * 20 ({@code add_ create_ batch_add_ remember}); changing 35 ({@code update_ complete_ toggle_ set_ enable_});
 * deleting 60 ({@code delete_ remove_ clear_ forget}); anything else, including custom tools, 40. Added by the arguments: +15 bulk
 * (an array of more than 10 items, or a {@code batch_} tool), +20 secrets (keys or text mentioning
 * password, secret, token, api key, credential, credit card, iban, ssn), +10 irreversible flags
 * ({@code force}, {@code permanent}), +15 other people ({@code recipients}, {@code broadcast}).
 * Capped at 100. Levels: critical ≥ 75, high ≥ 50, medium ≥ 25, else low.
 */
final class RiskAssessor {

    private static final Set<String> PURE_CATEGORIES = Set.of("core", "dateTime", "conversion", "textUtils",
            "generation", "extraction", "validation", "listOps", "mathStats", "System");
    private static final List<String> READ = List.of("get_", "list_", "search_", "find_", "validate_", "extract_",
            "count_", "format_", "parse_", "convert_", "calculate", "recall");
    private static final List<String> CREATE = List.of("add_", "create_", "batch_add_", "remember");
    private static final List<String> CHANGE = List.of("update_", "complete_", "toggle_", "set_", "enable_");
    private static final List<String> DELETE = List.of("delete_", "remove_", "clear_", "forget");
    private static final Pattern SECRET = Pattern.compile(
            "password|passwd|secret|token|api[_ -]?key|credential|credit[_ -]?card|iban|\\bssn\\b",
            Pattern.CASE_INSENSITIVE);

    private RiskAssessor() {}

    record Score(int score, String level, List<String> reasons) {}

    static Score assess(ToolDefinition tool, JsonNode args) {
        List<String> reasons = new ArrayList<>();
        String name = tool.name().toLowerCase(Locale.ROOT);
        int score;
        if (startsWithAny(name, DELETE)) {
            score = 60;
            reasons.add("deletes data");
        } else if (startsWithAny(name, CHANGE)) {
            score = 35;
            reasons.add("changes stored data");
        } else if (startsWithAny(name, CREATE)) {
            score = 20;
            reasons.add("creates data");
        } else if (PURE_CATEGORIES.contains(tool.category()) || startsWithAny(name, READ)) {
            score = 5;
            reasons.add("reads or computes only");
        } else {
            score = 40;
            reasons.add("side effects unknown (" + tool.source() + " tool)");
        }
        if (name.startsWith("batch_") || hasLargeArray(args)) {
            score += 15;
            reasons.add("bulk operation");
        }
        if (args != null && SECRET.matcher(args.toString()).find()) {
            score += 20;
            reasons.add("arguments mention secrets");
        }
        if (args != null && (args.path("force").asBoolean(false) || args.path("permanent").asBoolean(false))) {
            score += 10;
            reasons.add("irreversible");
        }
        if (args != null && (args.has("recipients") || args.path("broadcast").asBoolean(false))) {
            score += 15;
            reasons.add("affects other people");
        }
        score = Math.min(100, score);
        return new Score(score, level(score), reasons);
    }

    static String level(int score) {
        return score >= 75 ? "critical" : score >= 50 ? "high" : score >= 25 ? "medium" : "low";
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private static boolean hasLargeArray(JsonNode args) {
        if (args == null) {
            return false;
        }
        for (JsonNode value : args) {
            if (value.isArray() && value.size() > 10) {
                return true;
            }
        }
        return false;
    }
}
