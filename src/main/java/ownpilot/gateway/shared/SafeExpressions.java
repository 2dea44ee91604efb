package ownpilot.gateway.shared;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.FunctionDictionaryIfc;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Conditions written by users (a condition trigger, a plan's branch or loop): EvalEx expressions over
 * named variables, e.g. {@code staleGoals > 2 && memoryCount >= 100} or {@code step0.count == 0}. EvalEx
 * has no access to classes, methods, files or scripts; of its functions only the ones below are offered
 * (no regex matching, no factorial, no random), the text is at most {@value #MAX_LENGTH} characters, and
 * evaluation runs on the CPU pool, never on a request's thread.
 */
@Component
public class SafeExpressions {

    public static final int MAX_LENGTH = 500;

    static final List<String> FUNCTIONS = List.of("ABS", "CEILING", "FLOOR", "ROUND", "MIN", "MAX", "SUM", "AVERAGE",
            "IF", "NOT", "COALESCE", "STR_CONTAINS", "STR_LOWER", "STR_UPPER", "STR_STARTS_WITH", "STR_ENDS_WITH",
            "STR_LENGTH", "STR_TRIM");

    private static final ExpressionConfiguration CONFIG = configuration();

    private final CpuPool cpu;

    SafeExpressions(CpuPool cpu) {
        this.cpu = cpu;
    }

    private static ExpressionConfiguration configuration() {
        FunctionDictionaryIfc all = ExpressionConfiguration.defaultConfiguration().getFunctionDictionary();
        MapBasedFunctionDictionary offered = new MapBasedFunctionDictionary();
        FUNCTIONS.forEach(name -> offered.addFunction(name, all.getFunction(name)));
        return ExpressionConfiguration.builder().functionDictionary(offered).maxRecursionDepth(50).build();
    }

    /** Throws a {@code VALIDATION_ERROR} on {@code field} if the text is not a well-formed expression. */
    public void check(String field, String expression) {
        if (expression == null || expression.isBlank() || expression.length() > MAX_LENGTH) {
            throw ApiException.validation(field, "must be an expression of 1 to " + MAX_LENGTH + " characters");
        }
        cpu.call(() -> {
            try {
                new Expression(expression, CONFIG).validate();
            } catch (ParseException e) {
                throw ApiException.validation(field, "is not a valid expression: " + e.getMessage());
            }
            return null;
        });
    }

    /**
     * The expression's value as a Java value (Boolean, BigDecimal, String, or null); {@link ExpressionFailed}
     * says why it could not be evaluated (an unknown variable, a type mismatch), in words for the user.
     */
    public Object evaluate(String expression, Map<String, ?> variables) {
        return cpu.call(() -> {
            try {
                EvaluationValue value = new Expression(expression, CONFIG).withValues(variables).evaluate();
                return value.isNullValue() ? null : value.getValue();
            } catch (ParseException | EvaluationException e) {
                throw new ExpressionFailed("Cannot evaluate \"" + expression + "\": " + e.getMessage());
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new ExpressionFailed("Cannot evaluate \"" + expression + "\": " + e.getMessage());
            }
        });
    }

    /** True only for a boolean {@code true}, a non-zero number or the text "true". */
    public boolean holds(String expression, Map<String, ?> variables) {
        Object value = evaluate(expression, variables);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof java.math.BigDecimal n) {
            return n.signum() != 0;
        }
        return value instanceof String s && s.equalsIgnoreCase("true");
    }

    /** Why an expression could not be evaluated: a message for the user, never a server error. */
    public static class ExpressionFailed extends ApiException {
        public ExpressionFailed(String message) {
            super(HttpStatus.BAD_REQUEST, "EXPRESSION_FAILED", message);
        }
    }
}
