package ownpilot.gateway.shared;

/** A validated {@code limit}/{@code offset} pair; limits are capped at {@link #MAX_LIMIT}. */
public record Paging(int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    /** Parses raw query values; anything that is not a whole number in range is a 400 naming the field. */
    public static Paging of(String limit, String offset, int defaultLimit) {
        return new Paging(parse("limit", limit, defaultLimit, 1, MAX_LIMIT),
                parse("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    private static int parse(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw ApiException.validation(name, "must be between " + min + " and " + max);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, "must be a whole number");
        }
    }
}
