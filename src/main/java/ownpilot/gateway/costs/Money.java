package ownpilot.gateway.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Dollar amounts as shown: 2 decimals from $1, 4 from $0.01, else 6. */
final class Money {

    private Money() {}

    static String format(double dollars) {
        int scale = dollars >= 1 ? 2 : dollars >= 0.01 ? 4 : 6;
        return "$" + BigDecimal.valueOf(dollars).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** USD for the tokens at prices per million tokens. */
    static double cost(int inputTokens, int outputTokens, double inputPrice, double outputPrice) {
        return inputTokens / 1_000_000.0 * inputPrice + outputTokens / 1_000_000.0 * outputPrice;
    }
}
