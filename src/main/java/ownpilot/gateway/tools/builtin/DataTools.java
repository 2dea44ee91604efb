package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON parsing, querying and formatting; JSON ⇄ CSV. */
@Component
class DataTools implements ToolProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_STEP = Pattern.compile("\\.?([A-Za-z_$][\\w$-]*)|\\[(\\d+)]|\\[\"([^\"]*)\"]");

    @Override
    public List<ToolDefinition> tools() {
        List<String> tags = List.of("json", "csv", "data", "parse", "format");
        return List.of(
                tool("parse_json", "Parse JSON text, optionally returning the value at a path such as "
                                + "items[0].name", "textUtils",
                        ToolSchema.object().string("json", "JSON text", true).string("path", "Path into the value", false, 500),
                        tags, (caller, args) -> at(parse(Args.text(args, "json")), Args.text(args, "path", ""))),
                tool("format_json", "Pretty-print (indent > 0) or minify (indent 0) JSON", "textUtils",
                        ToolSchema.object().string("json", "JSON text", true)
                                .integer("indent", "Spaces of indentation, default 2; 0 minifies", false, 0, 8),
                        tags, (caller, args) -> formatJson(parse(Args.text(args, "json")), Args.integer(args, "indent", 2))),
                tool("json_to_csv", "Turn a JSON array of objects into CSV (columns from all keys)", "conversion",
                        ToolSchema.object().string("json", "JSON array of objects", true)
                                .string("delimiter", "Delimiter, default ,", false, 1),
                        tags, (caller, args) -> toCsv(parse(Args.text(args, "json")), delimiter(args.path("delimiter")))),
                tool("csv_to_json", "Turn CSV into a JSON array (objects keyed by the header row unless headers=false)",
                        "conversion", ToolSchema.object().string("csv", "CSV text", true)
                                .string("delimiter", "Delimiter, default ,", false, 1)
                                .bool("headers", "First row holds column names (default true)", false),
                        tags, (caller, args) -> fromCsv(Args.text(args, "csv"), delimiter(args.path("delimiter")),
                                Args.bool(args, "headers", true))));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ToolFailure("Invalid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode current = root;
        Matcher m = PATH_STEP.matcher(path);
        int consumed = 0;
        while (consumed < path.length() && m.find(consumed) && m.start() == consumed) {
            if (m.group(2) != null) {
                current = current.path(Integer.parseInt(m.group(2)));
            } else {
                current = current.path(m.group(1) != null ? m.group(1) : m.group(3));
            }
            consumed = m.end();
        }
        if (consumed < path.length()) {
            throw new ToolFailure("Invalid path at '" + path.substring(consumed) + "'");
        }
        if (current.isMissingNode()) {
            throw new ToolFailure("Nothing at path '" + path + "'");
        }
        return current;
    }

    private static String formatJson(JsonNode node, int indent) {
        if (indent == 0) {
            return JSON.writeValueAsString(node);
        }
        String pretty = JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        if (indent == 2) {
            return pretty;
        }
        // Jackson indents by two spaces; re-indent each line to the requested width.
        return String.join("\n", pretty.lines()
                .map(l -> " ".repeat((l.length() - l.stripLeading().length()) / 2 * indent) + l.stripLeading())
                .toList());
    }

    private static char delimiter(JsonNode node) {
        String d = node.isString() && !node.stringValue().isEmpty() ? node.stringValue() : ",";
        return d.charAt(0);
    }

    static String toCsv(JsonNode array, char delimiter) {
        if (!array.isArray()) {
            throw new ToolFailure("json_to_csv needs a JSON array of objects");
        }
        Set<String> columns = new LinkedHashSet<>();
        array.forEach(row -> {
            if (!row.isObject()) {
                throw new ToolFailure("Every element must be an object");
            }
            columns.addAll(row.propertyNames());
        });
        List<String> lines = new ArrayList<>();
        lines.add(String.join(String.valueOf(delimiter), columns.stream().map(c -> CsvCodec.field(c, delimiter)).toList()));
        for (JsonNode row : array) {
            lines.add(String.join(String.valueOf(delimiter), columns.stream().map(c -> {
                JsonNode v = row.get(c);
                String text = v == null || v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString();
                return CsvCodec.field(text, delimiter);
            }).toList()));
        }
        return String.join("\n", lines);
    }

    static List<Object> fromCsv(String csv, char delimiter, boolean headers) {
        List<List<String>> rows = CsvCodec.parse(csv, delimiter);
        if (!headers || rows.isEmpty()) {
            return new ArrayList<>(rows);
        }
        List<String> names = rows.getFirst();
        List<Object> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                object.put(names.get(i), i < row.size() ? row.get(i) : "");
            }
            out.add(object);
        }
        return out;
    }
}
