package ownpilot.gateway.customtools;

import java.util.List;
import java.util.regex.Pattern;
import ownpilot.gateway.shared.ApiException;

/**
 * A first, static line of defence: refuses code that reaches for Node-style, reflective or engine
 * escape hatches. Matching is case-sensitive, as JavaScript identifiers are (so an ordinary
 * {@code function (} is fine, {@code Function(} is not). The sandbox itself is the real barrier;
 * this only gives an early, clear refusal.
 */
final class CodeScanner {

    private static final List<Pattern> FORBIDDEN = List.of(
            "process\\.exit", "\\brequire\\s*\\(", "\\bimport\\s*\\(", "__dirname", "__filename", "\\bglobal\\.",
            "\\bglobalThis\\.", "\\beval\\s*\\(", "\\bFunction\\s*\\(", "__proto__", "constructor\\s*\\[",
            "\\bwith\\s*\\(", "\\bJava\\.", "\\bPolyglot\\.")
            .stream().map(Pattern::compile).toList();

    private CodeScanner() {}

    static void check(String code) {
        for (Pattern pattern : FORBIDDEN) {
            if (pattern.matcher(code).find()) {
                throw ApiException.validation("code", "contains a forbidden pattern: " + pattern.pattern());
            }
        }
    }
}
