package ownpilot.gateway.tools.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import ownpilot.gateway.tools.ToolFailure;

/**
 * Evaluates arithmetic by recursive descent; input is parsed, never executed as code.
 * Grammar: {@code expr = term (('+'|'-') term)*},
 * {@code term = unary (('*'|'/'|'%') unary)*}, {@code unary = ('-'|'+') unary | power},
 * {@code power = postfix ('^' unary)?} (right-associative, so {@code -2^2 = -4} and {@code 2^-1 = 0.5}),
 * {@code postfix = primary '!'?}, {@code primary = number | constant | function '(' args ')' | '(' expr ')'}.
 * Constants {@code pi, e}; functions {@code sqrt abs sin cos tan asin acos atan log ln exp floor ceil
 * round min max pow}. Input is capped at 1,000 characters and 100 levels of nesting.
 */
final class ExpressionParser {

    static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 100;
    private static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
            Map.entry("sqrt", Math::sqrt), Map.entry("abs", Math::abs), Map.entry("sin", Math::sin),
            Map.entry("cos", Math::cos), Map.entry("tan", Math::tan), Map.entry("asin", Math::asin),
            Map.entry("acos", Math::acos), Map.entry("atan", Math::atan), Map.entry("log", Math::log10),
            Map.entry("ln", Math::log), Map.entry("exp", Math::exp), Map.entry("floor", Math::floor),
            Map.entry("ceil", Math::ceil), Map.entry("round", v -> (double) Math.round(v)));

    private final String input;
    private int pos;
    private int depth;

    private ExpressionParser(String input) {
        this.input = input;
    }

    static double evaluate(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ToolFailure("The expression is empty");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new ToolFailure("The expression is longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(expression.replace('×', '*').replace('÷', '/'));
        double value = parser.expression();
        parser.skipSpaces();
        if (parser.pos < parser.input.length()) {
            throw parser.error("Unexpected '" + parser.input.charAt(parser.pos) + "'");
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ToolFailure("The result is not a finite number");
        }
        return value;
    }

    private double expression() {
        enter();
        double value = term();
        while (true) {
            if (eat('+')) {
                value += term();
            } else if (eat('-')) {
                value -= term();
            } else {
                depth--;
                return value;
            }
        }
    }

    private double term() {
        double value = unary();
        while (true) {
            if (eat('*')) {
                value *= unary();
            } else if (eat('/')) {
                double divisor = unary();
                if (divisor == 0) {
                    throw new ToolFailure("Division by zero");
                }
                value /= divisor;
            } else if (eat('%')) {
                double divisor = unary();
                if (divisor == 0) {
                    throw new ToolFailure("Modulo by zero");
                }
                value %= divisor;
            } else {
                return value;
            }
        }
    }

    private double power() {
        double base = postfix();
        if (eat('^')) {
            enter();
            double exponent = unary();
            depth--;
            return Math.pow(base, exponent);
        }
        return base;
    }

    private double unary() {
        if (eat('-')) {
            enter();
            double v = -unary();
            depth--;
            return v;
        }
        if (eat('+')) {
            enter();
            double v = unary();
            depth--;
            return v;
        }
        return power();
    }

    private double postfix() {
        double value = primary();
        return eat('!') ? factorial(value) : value;
    }

    private double primary() {
        skipSpaces();
        if (eat('(')) {
            double value = expression();
            expect(')');
            return value;
        }
        if (pos < input.length() && (Character.isDigit(input.charAt(pos)) || input.charAt(pos) == '.')) {
            return number();
        }
        if (pos < input.length() && Character.isLetter(input.charAt(pos))) {
            return named();
        }
        throw error(pos < input.length() ? "Unexpected '" + input.charAt(pos) + "'" : "Unexpected end of expression");
    }

    private double number() {
        int start = pos;
        while (pos < input.length() && (Character.isDigit(input.charAt(pos)) || input.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')
                && pos + 1 < input.length() && (Character.isDigit(input.charAt(pos + 1))
                || (input.charAt(pos + 1) == '-' || input.charAt(pos + 1) == '+') && pos + 2 < input.length()
                && Character.isDigit(input.charAt(pos + 2)))) {
            pos += 2;
            while (pos < input.length() && Character.isDigit(input.charAt(pos))) {
                pos++;
            }
        }
        try {
            return Double.parseDouble(input.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("Invalid number '" + input.substring(start, pos) + "'");
        }
    }

    private double named() {
        int start = pos;
        while (pos < input.length() && Character.isLetterOrDigit(input.charAt(pos))) {
            pos++;
        }
        String name = input.substring(start, pos).toLowerCase();
        switch (name) {
            case "pi":
                return Math.PI;
            case "e":
                return Math.E;
            default:
                break;
        }
        List<Double> args = arguments(name);
        DoubleUnaryOperator f = UNARY.get(name);
        if (f != null && args.size() == 1) {
            return f.applyAsDouble(args.getFirst());
        }
        return switch (name) {
            case "min" -> args.stream().mapToDouble(Double::doubleValue).min().orElseThrow(() -> error("min() needs arguments"));
            case "max" -> args.stream().mapToDouble(Double::doubleValue).max().orElseThrow(() -> error("max() needs arguments"));
            case "pow" -> {
                if (args.size() != 2) {
                    throw error("pow() takes 2 arguments");
                }
                yield Math.pow(args.get(0), args.get(1));
            }
            default -> throw error(f != null ? name + "() takes 1 argument" : "Unknown function or name '" + name + "'");
        };
    }

    private List<Double> arguments(String name) {
        skipSpaces();
        if (!eat('(')) {
            throw error("Unknown name '" + name + "'");
        }
        List<Double> args = new ArrayList<>();
        if (eat(')')) {
            return args;
        }
        do {
            args.add(expression());
        } while (eat(','));
        expect(')');
        return args;
    }

    private static double factorial(double n) {
        if (n < 0 || n != Math.rint(n) || n > 170) {
            throw new ToolFailure("Factorial needs a whole number from 0 to 170");
        }
        double result = 1;
        for (int i = 2; i <= n; i++) {
            result *= i;
        }
        return result;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ToolFailure("The expression is nested too deeply");
        }
    }

    private boolean eat(char c) {
        skipSpaces();
        if (pos < input.length() && input.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw error("Expected '" + c + "'");
        }
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private ToolFailure error(String message) {
        return new ToolFailure(message + " at position " + (pos + 1));
    }
}
