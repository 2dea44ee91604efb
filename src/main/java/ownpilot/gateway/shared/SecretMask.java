package ownpilot.gateway.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks (or spots) what looks like a credential in text kept for debugging or remembered: provider key formats (OpenAI,
 * Anthropic, Google, Groq, xAI…), bearer tokens, and values of fields named like keys or passwords.
 */
public final class SecretMask {

    private static final Pattern KEYS = Pattern.compile(
            "\\b(sk-(?:ant-|proj-)?[A-Za-z0-9_\\-]{8,}|AIza[A-Za-z0-9_\\-]{20,}|gsk_[A-Za-z0-9]{16,}|xai-[A-Za-z0-9]{16,}"
                    + "|ghp_[A-Za-z0-9]{20,}|xox[abp]-[A-Za-z0-9\\-]{10,})");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=\\-]{8,}");
    private static final Pattern FIELDS = Pattern.compile(
            "(?i)(\"?(?:api[_-]?key|apikey|password|secret|token|authorization)\"?\\s*[:=]\\s*\"?)([^\"\\s,}]{4,})");
    private static final int MAX_DEPTH = 10;

    private SecretMask() {}

    /** True when the text holds something that looks like a credential (a key, a bearer token, a password). */
    public static boolean containsSecret(String s) {
        return s != null && (KEYS.matcher(s).find() || BEARER.matcher(s).find() || FIELDS.matcher(s).find());
    }

    public static String text(String s) {
        if (s == null) {
            return null;
        }
        String out = KEYS.matcher(s).replaceAll(m -> mask(m.group(1)));
        out = BEARER.matcher(out).replaceAll("$1****");
        return FIELDS.matcher(out).replaceAll("$1****");
    }

    /** The same value with every string inside it masked. */
    public static Object deep(Object value) {
        return deep(value, 0);
    }

    private static Object deep(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return "…";
        }
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), deep(v, depth + 1)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(deep(v, depth + 1)));
            return out;
        }
        return value;
    }

    private static String mask(String key) {
        return java.util.regex.Matcher.quoteReplacement(key.substring(0, Math.min(4, key.length())) + "****");
    }
}
