package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.format;
import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/** Ids, random numbers, strings and choices, and passwords, all from a cryptographic random source. */
@Component
class GenerationTools implements ToolProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = LOWER.toUpperCase();
    private static final String DIGITS = "0123456789";
    private static final String SYMBOLS = "!@#$%^&*()-_=+[]{};:,.?/";
    private static final Map<String, String> CHARSETS = Map.of("alphanumeric", LOWER + UPPER + DIGITS,
            "alpha", LOWER + UPPER, "numeric", DIGITS, "hex", "0123456789abcdef", "lowercase", LOWER,
            "uppercase", UPPER);

    @Override
    public List<ToolDefinition> tools() {
        List<String> tags = List.of("random", "generate");
        return List.of(
                tool("generate_uuid", "Generate a random UUID (version 4)", "core", ToolSchema.object(),
                        List.of("uuid", "id", "identifier", "generate"), (caller, args) -> Ids.uuid()),
                tool("random_number", "Random number between min and max (inclusive for integers)", "generation",
                        ToolSchema.object().number("min", "Lowest value, default 0", false)
                                .number("max", "Highest value, default 100", false)
                                .bool("integer", "Whole numbers only (default true)", false),
                        List.of("random", "number", "dice"), (caller, args) -> randomNumber(Args.number(args, "min", 0),
                                Args.number(args, "max", 100), Args.bool(args, "integer", true))),
                tool("random_string", "Random string from a character set", "generation",
                        ToolSchema.object().integer("length", "Length, default 16", false, 1, 1024)
                                .oneOf("charset", "Characters to use, default alphanumeric", false,
                                        List.copyOf(new java.util.TreeSet<>(CHARSETS.keySet()))),
                        tags, (caller, args) -> randomString(Args.integer(args, "length", 16),
                                CHARSETS.get(Args.text(args, "charset", "alphanumeric")))),
                tool("random_choice", "Pick one or more distinct options at random", "generation",
                        ToolSchema.object().array("options", "Options to choose from", true, "string", 10_000)
                                .integer("count", "How many, default 1", false, 1, 10_000),
                        List.of("random", "choose", "pick", "decide"), (caller, args) -> choose(Args.strings(args, "options"),
                                Args.integer(args, "count", 1))),
                tool("generate_password", "Generate a strong random password", "generation",
                        ToolSchema.object().integer("length", "Length, default 16", false, 8, 256)
                                .bool("uppercase", "Include A-Z (default true)", false)
                                .bool("lowercase", "Include a-z (default true)", false)
                                .bool("numbers", "Include 0-9 (default true)", false)
                                .bool("symbols", "Include symbols (default true)", false),
                        List.of("password", "secret", "security", "generate"), (caller, args) -> password(
                                Args.integer(args, "length", 16), Args.bool(args, "uppercase", true),
                                Args.bool(args, "lowercase", true), Args.bool(args, "numbers", true),
                                Args.bool(args, "symbols", true))));
    }

    static String randomNumber(double min, double max, boolean integer) {
        if (min > max) {
            throw new ToolFailure("min must not be greater than max");
        }
        if (integer) {
            long lo = (long) Math.ceil(min);
            long hi = (long) Math.floor(max);
            if (lo > hi) {
                throw new ToolFailure("No whole number lies between min and max");
            }
            return Long.toString(lo + (long) (RANDOM.nextDouble() * (hi - lo + 1)));
        }
        return format(min + RANDOM.nextDouble() * (max - min));
    }

    static String randomString(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static List<String> choose(List<String> options, int count) {
        if (options.isEmpty()) {
            throw new ToolFailure("options must not be empty");
        }
        if (count > options.size()) {
            throw new ToolFailure("count is larger than the number of options");
        }
        List<String> shuffled = new ArrayList<>(options);
        Collections.shuffle(shuffled, RANDOM);
        return shuffled.subList(0, count);
    }

    /** Guarantees one character of each chosen class, then fills and shuffles. */
    static String password(int length, boolean upper, boolean lower, boolean numbers, boolean symbols) {
        List<String> classes = new ArrayList<>();
        if (upper) {
            classes.add(UPPER);
        }
        if (lower) {
            classes.add(LOWER);
        }
        if (numbers) {
            classes.add(DIGITS);
        }
        if (symbols) {
            classes.add(SYMBOLS);
        }
        if (classes.isEmpty()) {
            throw new ToolFailure("Choose at least one character class");
        }
        List<Character> chars = new ArrayList<>();
        classes.forEach(c -> chars.add(c.charAt(RANDOM.nextInt(c.length()))));
        String all = String.join("", classes);
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }
}
