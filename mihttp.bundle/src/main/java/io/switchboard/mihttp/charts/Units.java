package io.switchboard.mihttp.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** Numbers as the charts write them: three significant digits at most, seconds in ms or s. */
final class Units {
    private static final MathContext THREE_DIGITS = new MathContext(3);

    private Units() {
    }

    /** @return {@code value} with at most three significant digits and no exponent: 0.25, 12.5, 1230 */
    static String compact(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** @return a duration in seconds as people read it: 250 ms, 2.5 s */
    static String seconds(double value) {
        if (value == 0) {
            return "0";
        }
        return value < 1 ? compact(value * 1000) + " ms" : compact(value) + " s";
    }

    /** @return a span of time in whole minutes when it is at least three, else in seconds: 15 min, 90 s */
    static String span(Duration span) {
        return span.toSeconds() >= 180 ? compact(span.toSeconds() / 60.0) + " min" : compact(span.toSeconds()) + " s";
    }
}
