package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/** Sorting, de-duplicating and tabulating lists. */
@Component
class ListTools implements ToolProvider {

    @Override
    public List<ToolDefinition> tools() {
        List<String> tags = List.of("list", "array", "items");
        return List.of(
                tool("sort_list", "Sort items alphabetically (case-insensitive) or numerically", "listOps",
                        ToolSchema.object().array("items", "Items to sort", true, "string", 100_000)
                                .oneOf("order", "asc (default) or desc", false, List.of("asc", "desc"))
                                .bool("numeric", "Compare as numbers", false),
                        List.of("sort", "order", "list"), (caller, args) -> sort(Args.strings(args, "items"),
                                "desc".equals(Args.text(args, "order", "asc")), Args.bool(args, "numeric", false))),
                tool("deduplicate", "Remove repeated items, keeping the first of each", "listOps",
                        ToolSchema.object().array("items", "Items", true, "string", 100_000)
                                .bool("case_sensitive", "Treat case differences as different (default true)", false),
                        List.of("unique", "duplicates", "distinct", "list"), (caller, args) -> deduplicate(
                                Args.strings(args, "items"), Args.bool(args, "case_sensitive", true))),
                tool("create_table", "Format headers and rows as a Markdown (default) or CSV table", "listOps",
                        ToolSchema.object().array("headers", "Column names", true, "string", 100)
                                .array("rows", "Rows, each an array of cells", true, "array", 10_000)
                                .oneOf("format", "markdown or csv", false, List.of("markdown", "csv")),
                        tags, (caller, args) -> table(Args.strings(args, "headers"), rows(args.get("rows")),
                                Args.text(args, "format", "markdown"))));
    }

    static List<String> sort(List<String> items, boolean descending, boolean numeric) {
        Comparator<String> order = numeric ? Comparator.comparingDouble(ListTools::number)
                : Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());
        List<String> sorted = new ArrayList<>(items);
        sorted.sort(descending ? order.reversed() : order);
        return sorted;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ToolFailure("'" + s + "' is not a number; sort without numeric=true");
        }
    }

    static Map<String, Object> deduplicate(List<String> items, boolean caseSensitive) {
        Map<String, String> firstByKey = new LinkedHashMap<>();
        items.forEach(i -> firstByKey.putIfAbsent(caseSensitive ? i : i.toLowerCase(Locale.ROOT), i));
        List<String> unique = List.copyOf(firstByKey.values());
        return Map.of("items", unique, "removed", items.size() - unique.size());
    }

    private static List<List<String>> rows(tools.jackson.databind.JsonNode rows) {
        List<List<String>> out = new ArrayList<>();
        for (var row : rows) {
            if (!row.isArray()) {
                throw new ToolFailure("Each row must be an array of cells");
            }
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.isNull() ? "" : c.isValueNode() ? c.asString() : c.toString()));
            out.add(cells);
        }
        return out;
    }

    static String table(List<String> headers, List<List<String>> rows, String format) {
        if ("csv".equals(format)) {
            List<String> lines = new ArrayList<>();
            lines.add(String.join(",", headers.stream().map(h -> CsvCodec.field(h, ',')).toList()));
            rows.forEach(r -> lines.add(String.join(",", r.stream().map(c -> CsvCodec.field(c, ',')).toList())));
            return String.join("\n", lines);
        }
        List<String> lines = new ArrayList<>();
        lines.add("| " + String.join(" | ", headers.stream().map(ListTools::cell).toList()) + " |");
        lines.add("|" + " --- |".repeat(headers.size()));
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                cells.add(i < row.size() ? cell(row.get(i)) : "");
            }
            lines.add("| " + String.join(" | ", cells) + " |");
        }
        return String.join("\n", lines);
    }

    private static String cell(String value) {
        return value.replace("|", "\\|").replace("\n", " ");
    }
}
