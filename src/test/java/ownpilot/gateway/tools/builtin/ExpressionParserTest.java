package ownpilot.gateway.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ownpilot.gateway.tools.ToolFailure;

class ExpressionParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2 + 2; 4", "(2 + 3) * 4; 20", "2^10; 1024", "-2^2; -4", "2^-1; 0.5", "2^3^2; 512", "10 % 4; 2",
            "5!; 120", "sqrt(16) + abs(-3); 7", "min(3, 1, 2) * max(4, 5); 5", "pow(2, 8); 256", "pi; 3.14159265359",
            "round(2.5) + floor(1.9) + ceil(1.1); 6", "1e3 + 2.5E-1; 1000.25", "0.1 + 0.2; 0.3", "7 / 2; 3.5",
            "log(1000) + ln(e); 4", "3 × 4 ÷ 2; 6", "--3; 3"})
    void evaluates(String expression, String expected) {
        assertThat(Builtins.format(Builtins.tidy(ExpressionParser.evaluate(expression)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/0", "5 % 0", "2 +", "(1 + 2", "1 + 2)", "foo(2)", "x + 1", "", "   ", "3 $ 4",
            "process.exit(1)", "this.constructor", "Java.type('java.lang.System')", "171!", "(-1)!", "sqrt(1, 2)",
            "1e999 * 10", "2..3"})
    void refusesWithAClearMessage(String expression) {
        assertThatThrownBy(() -> ExpressionParser.evaluate(expression)).isInstanceOf(ToolFailure.class)
                .hasMessageNotContaining("Exception");
    }

    @org.junit.jupiter.api.Test
    void boundsLengthAndNesting() {
        assertThatThrownBy(() -> ExpressionParser.evaluate("1+".repeat(600) + "1"))
                .hasMessageContaining("longer than 1000");
        assertThatThrownBy(() -> ExpressionParser.evaluate("(".repeat(200) + "1" + ")".repeat(200)))
                .hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> ExpressionParser.evaluate("-".repeat(500) + "1"))
                .hasMessageContaining("nested too deeply");
    }
}
