package ownpilot.gateway.tools.builtin;

import java.math.BigDecimal;
import java.util.List;
import ownpilot.gateway.tools.CpuBound;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolExecutor;
import ownpilot.gateway.tools.ToolSchema;

/** Shared helpers for declaring built-in tools and presenting numbers. */
final class Builtins {

    static final String SOURCE = "core";

    private Builtins() {}

    /** A built-in tool; it computes on its arguments, so it runs on the CPU pool. */
    static ToolDefinition tool(String name, String description, String category, ToolSchema schema,
            List<String> tags, ToolExecutor executor) {
        return new ToolDefinition(name, description, schema.build(), category, SOURCE, tags, new CpuBound(executor));
    }

    /** A number as people write it: {@code 4}, {@code 0.1}, {@code 1.5E+20}; never {@code 4.0}. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ownpilot.gateway.tools.ToolFailure("The result is not a finite number");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return Math.abs(value) >= 1e15 || Math.abs(value) < 1e-6 ? exact.toString() : exact.toPlainString();
    }

    /** Rounds to 10 significant decimals so 0.1 + 0.2 reads as 0.3. */
    static double tidy(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return value;
        }
        return new BigDecimal(value).round(new java.math.MathContext(12)).doubleValue();
    }
}
