package ownpilot.gateway.settings;

import java.util.regex.Pattern;

/** The one rule for provider ids: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, ≤ 64. */
public final class ProviderIds {

    public static final String REGEX = "^[a-z0-9][a-z0-9._-]{0,63}$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private ProviderIds() {}

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
