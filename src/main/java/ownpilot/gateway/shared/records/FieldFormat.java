package ownpilot.gateway.shared.records;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Extra rules a text field's value must follow. */
public enum FieldFormat {
    ANY {
        @Override
        String check(String value) {
            return null;
        }
    },
    HTTP_URL {
        @Override
        String check(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
                return web && uri.getHost() != null ? null : "must be an http(s) URL with a host";
            } catch (URISyntaxException e) {
                return "must be a valid URL";
            }
        }
    },
    EMAIL {
        @Override
        String check(String value) {
            return EMAIL_PATTERN.matcher(value).matches() ? null : "must be an email address";
        }
    },
    /** A birthday: {@code YYYY-MM-DD} or {@code MM-DD} when the year is unknown. */
    BIRTHDAY {
        @Override
        String check(String value) {
            return Birthdays.parse(value).isPresent() ? null : "must be YYYY-MM-DD or MM-DD";
        }
    },
    HEX_COLOR {
        @Override
        String check(String value) {
            return COLOR_PATTERN.matcher(value).matches() ? null : "must be a hex colour such as #3b82f6";
        }
    },
    /** A hex colour, or one of the names the web UI offers (blue, green, yellow, red, purple). */
    HEX_COLOR_OR_NAME {
        @Override
        String check(String value) {
            return COLOR_PATTERN.matcher(value).matches() || COLOR_NAMES.contains(value) ? null
                    : "must be a hex colour such as #3b82f6, or one of " + String.join(", ", COLOR_NAMES);
        }
    };

    private static final java.util.List<String> COLOR_NAMES = java.util.List.of("blue", "green", "yellow", "red",
            "purple");

    private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern COLOR_PATTERN = Pattern.compile("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$");

    /** Returns why the value is refused, or {@code null} when it is acceptable. */
    abstract String check(String value);
}
