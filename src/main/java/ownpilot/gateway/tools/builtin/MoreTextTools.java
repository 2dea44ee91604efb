package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;
import tools.jackson.databind.JsonNode;

/** Placeholder text, colour conversion, text comparison and bulk replacement. */
@Component
class MoreTextTools implements ToolProvider {

    private static final String[] LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation "
            + "ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit "
            + "esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia "
            + "deserunt mollit anim id est laborum").split(" ");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HEX = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
    private static final Pattern RGB = Pattern.compile("^rgb\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*\\)$");
    private static final Pattern HSL = Pattern.compile(
            "^hsl\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})%\\s*,\\s*(\\d{1,3})%\\s*\\)$");

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("generate_lorem_ipsum", "Placeholder text: words, sentences or paragraphs", "generation",
                        ToolSchema.object().oneOf("type", "Unit, default paragraphs", false,
                                        List.of("words", "sentences", "paragraphs"))
                                .integer("count", "How many, default 3", false, 1, 100),
                        List.of("lorem", "placeholder", "dummy text"), (caller, args) -> lorem(
                                Args.text(args, "type", "paragraphs"), Args.integer(args, "count", 3))),
                tool("convert_color", "Convert a colour between hex (#3b82f6), rgb(59, 130, 246) and hsl(217, 91%, 60%)",
                        "conversion", ToolSchema.object().string("color", "The colour", true, 40)
                                .oneOf("to", "Target format, default all", false, List.of("hex", "rgb", "hsl", "all")),
                        List.of("color", "colour", "hex", "rgb", "hsl"), (caller, args) -> color(
                                Args.text(args, "color"), Args.text(args, "to", "all"))),
                tool("compare_texts", "Compare two texts: similarity by shared words, and lines only in one of them",
                        "textUtils", ToolSchema.object().string("text1", "First text", true)
                                .string("text2", "Second text", true),
                        List.of("compare", "diff", "similarity", "text"), (caller, args) -> compare(
                                Args.text(args, "text1"), Args.text(args, "text2"))),
                tool("find_and_replace_bulk", "Apply several literal replacements in order", "textUtils",
                        ToolSchema.object().string("text", "The text", true)
                                .array("replacements", "Objects {find, replace}", true, "object", 100),
                        List.of("replace", "bulk", "text"), (caller, args) -> bulkReplace(Args.text(args, "text"),
                                args.get("replacements"))));
    }

    static String lorem(String unit, int count) {
        return switch (unit) {
            case "words" -> String.join(" ", words(count));
            case "sentences" -> String.join(" ", sentences(count));
            default -> {
                List<String> paragraphs = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    paragraphs.add(String.join(" ", sentences(4 + RANDOM.nextInt(3))));
                }
                yield String.join("\n\n", paragraphs);
            }
        };
    }

    private static List<String> words(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i < LOREM.length && n <= LOREM.length ? LOREM[i] : LOREM[RANDOM.nextInt(LOREM.length)]);
        }
        return out;
    }

    private static List<String> sentences(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = String.join(" ", words(6 + RANDOM.nextInt(8)));
            out.add(Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".");
        }
        return out;
    }

    static Map<String, Object> color(String input, String to) {
        int[] rgb = parseColor(input.trim().toLowerCase(Locale.ROOT));
        String hex = String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
        String rgbText = "rgb(" + rgb[0] + ", " + rgb[1] + ", " + rgb[2] + ")";
        int[] hsl = toHsl(rgb);
        String hslText = "hsl(" + hsl[0] + ", " + hsl[1] + "%, " + hsl[2] + "%)";
        Map<String, Object> out = new LinkedHashMap<>();
        if (to.equals("hex") || to.equals("all")) {
            out.put("hex", hex);
        }
        if (to.equals("rgb") || to.equals("all")) {
            out.put("rgb", rgbText);
        }
        if (to.equals("hsl") || to.equals("all")) {
            out.put("hsl", hslText);
        }
        return out;
    }

    private static int[] parseColor(String c) {
        Matcher m;
        if ((m = HEX.matcher(c)).matches()) {
            String h = m.group(1).length() == 3
                    ? m.group(1).replaceAll("(.)", "$1$1") : m.group(1);
            return new int[] {Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16),
                    Integer.parseInt(h.substring(4, 6), 16)};
        }
        if ((m = RGB.matcher(c)).matches()) {
            int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            for (int x : v) {
                if (x > 255) {
                    throw new ToolFailure("rgb values must be 0 to 255");
                }
            }
            return v;
        }
        if ((m = HSL.matcher(c)).matches()) {
            return fromHsl(Integer.parseInt(m.group(1)) % 360, Math.min(100, Integer.parseInt(m.group(2))),
                    Math.min(100, Integer.parseInt(m.group(3))));
        }
        throw new ToolFailure("Unrecognised colour '" + c + "'; use #rrggbb, rgb(r, g, b) or hsl(h, s%, l%)");
    }

    private static int[] toHsl(int[] rgb) {
        double r = rgb[0] / 255.0;
        double g = rgb[1] / 255.0;
        double b = rgb[2] / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double l = (max + min) / 2;
        double h = 0;
        double s = 0;
        if (max != min) {
            double d = max - min;
            s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
            h = max == r ? (g - b) / d + (g < b ? 6 : 0) : max == g ? (b - r) / d + 2 : (r - g) / d + 4;
            h /= 6;
        }
        return new int[] {(int) Math.round(h * 360), (int) Math.round(s * 100), (int) Math.round(l * 100)};
    }

    private static int[] fromHsl(int hDeg, int sPct, int lPct) {
        double h = hDeg / 360.0;
        double s = sPct / 100.0;
        double l = lPct / 100.0;
        if (s == 0) {
            int v = (int) Math.round(l * 255);
            return new int[] {v, v, v};
        }
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        return new int[] {channel(p, q, h + 1.0 / 3), channel(p, q, h), channel(p, q, h - 1.0 / 3)};
    }

    private static int channel(double p, double q, double t) {
        double x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        double v = x < 1.0 / 6 ? p + (q - p) * 6 * x : x < 0.5 ? q : x < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - x) * 6 : p;
        return (int) Math.round(v * 255);
    }

    static Map<String, Object> compare(String a, String b) {
        Set<String> wordsA = wordSet(a);
        Set<String> wordsB = wordSet(b);
        Set<String> union = new HashSet<>(wordsA);
        union.addAll(wordsB);
        Set<String> shared = new HashSet<>(wordsA);
        shared.retainAll(wordsB);
        double similarity = union.isEmpty() ? 1 : (double) shared.size() / union.size();
        List<String> linesA = a.lines().toList();
        List<String> linesB = b.lines().toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identical", a.equals(b));
        out.put("similarity", Builtins.format(Builtins.tidy(Math.round(similarity * 1000) / 1000.0)));
        out.put("onlyInText1", linesA.stream().filter(l -> !linesB.contains(l)).limit(100).toList());
        out.put("onlyInText2", linesB.stream().filter(l -> !linesA.contains(l)).limit(100).toList());
        return out;
    }

    private static Set<String> wordSet(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    static Map<String, Object> bulkReplace(String text, JsonNode replacements) {
        String result = text;
        int total = 0;
        for (JsonNode r : replacements) {
            if (!r.isObject() || !r.path("find").isString() || r.path("find").stringValue().isEmpty()
                    || !r.path("replace").isString()) {
                throw new ToolFailure("Each replacement needs a non-empty \"find\" and a \"replace\" string");
            }
            String find = r.path("find").stringValue();
            int count = (result.length() - result.replace(find, "").length()) / find.length();
            total += count;
            result = result.replace(find, r.path("replace").stringValue());
        }
        return Map.of("result", result, "replacements", total);
    }
}
