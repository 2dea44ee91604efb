package ownpilot.gateway.tools.builtin;

import java.util.ArrayList;
import java.util.List;
import ownpilot.gateway.tools.ToolFailure;

/** RFC 4180 CSV: quoted fields, doubled quotes, delimiters and line breaks inside quotes. */
final class CsvCodec {

    static final int MAX_ROWS = 100_000;

    private CsvCodec() {}

    static List<List<String>> parse(String csv, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                addRow(rows, row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ToolFailure("Unclosed quote in CSV");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            addRow(rows, row);
        }
        return rows;
    }

    private static void addRow(List<List<String>> rows, List<String> row) {
        if (rows.size() >= MAX_ROWS) {
            throw new ToolFailure("CSV has more than " + MAX_ROWS + " rows");
        }
        if (!(row.size() == 1 && row.getFirst().isEmpty())) {
            rows.add(row);
        }
    }

    static String field(String value, char delimiter) {
        boolean needsQuotes = value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains("\n")
                || value.contains("\r");
        return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
