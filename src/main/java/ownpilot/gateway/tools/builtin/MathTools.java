package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.format;
import static ownpilot.gateway.tools.builtin.Builtins.tidy;
import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/** Arithmetic, percentages and descriptive statistics. */
@Component
class MathTools implements ToolProvider {

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("calculate", "Evaluate an arithmetic expression such as (2 + 3) * 4, sqrt(16), 2^10, 5!",
                        "core", ToolSchema.object().string("expression", "The expression", true,
                                ExpressionParser.MAX_LENGTH),
                        List.of("math", "calculator", "arithmetic", "compute", "evaluate"),
                        (caller, args) -> format(tidy(ExpressionParser.evaluate(Args.text(args, "expression"))))),
                tool("calculate_percentage", "Percentages: value1 % of value2 (of), change from value1 to value2 "
                                + "(change), or what percent value1 is of value2 (is_what_percent)", "mathStats",
                        ToolSchema.object().oneOf("operation", "Which calculation", true,
                                        List.of("of", "change", "is_what_percent"))
                                .number("value1", "First value", true).number("value2", "Second value", true),
                        List.of("percent", "percentage", "math"), (caller, args) -> percentage(
                                Args.text(args, "operation"), Args.number(args, "value1"), Args.number(args, "value2"))),
                tool("calculate_statistics", "Count, sum, mean, median, mode, min, max, range, variance and "
                                + "standard deviation of numbers", "mathStats",
                        ToolSchema.object().array("numbers", "The numbers", true, "number", 100_000),
                        List.of("statistics", "average", "mean", "median", "math"),
                        (caller, args) -> statistics(Args.numbers(args, "numbers"))));
    }

    static Map<String, Object> percentage(String operation, double a, double b) {
        double result = switch (operation) {
            case "of" -> a / 100 * b;
            case "change" -> {
                if (a == 0) {
                    throw new ToolFailure("Cannot compute a change from 0");
                }
                yield (b - a) / Math.abs(a) * 100;
            }
            default -> {
                if (b == 0) {
                    throw new ToolFailure("Cannot compute a percentage of 0");
                }
                yield a / b * 100;
            }
        };
        return Map.of("operation", operation, "result", format(tidy(result)));
    }

    static Map<String, Object> statistics(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double sum = Arrays.stream(sorted).sum();
        double mean = sum / n;
        double variance = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : sorted) {
            counts.merge(v, 1, Integer::sum);
        }
        int best = counts.values().stream().max(Integer::compare).orElse(1);
        List<String> modes = counts.entrySet().stream().filter(e -> e.getValue() == best && best > 1)
                .map(Map.Entry::getKey).sorted().map(v -> format(v)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", n);
        out.put("sum", format(tidy(sum)));
        out.put("mean", format(tidy(mean)));
        out.put("median", format(tidy(median)));
        out.put("mode", modes);
        out.put("min", format(sorted[0]));
        out.put("max", format(sorted[n - 1]));
        out.put("range", format(tidy(sorted[n - 1] - sorted[0])));
        out.put("variance", format(tidy(variance)));
        out.put("stdDev", format(tidy(Math.sqrt(variance))));
        return out;
    }
}
