package io.switchboard.support.stats;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/**
 * The setting {@value #KEY} of a component that keeps latency histograms: their bucket bounds in
 * seconds, read with the component's other settings, so that a bad value refuses the whole
 * configuration as any other bad value does. A list rather than an array, so that the settings
 * records holding it compare by value.
 */
public final class LatencyBuckets {
    public static final String KEY = "latency_buckets";

    private LatencyBuckets() {
    }

    /**
     * @param value the value as configured
     * @return the bounds in seconds, ascending
     * @throws SettingRefusedException naming the PID, the key, the value and what is wrong with it
     */
    public static List<Double> read(SettingsReader settings, String value) throws SettingRefusedException {
        try {
            return Arrays.stream(LatencyHistogram.parseBounds(value)).boxed().toList();
        } catch (IllegalArgumentException wrong) {
            throw settings.refused(KEY, value, "must be 1 to 50 bounds in seconds, ascending, each above 0 and at most "
                    + "3600, separated by commas: " + wrong.getMessage());
        }
    }

    /** @return the bounds as a histogram takes them */
    public static double[] toArray(List<Double> bounds) {
        return bounds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the bounds written as the setting is, each in its shortest form ({@code 1}, not {@code 1.0}) */
    public static String text(List<Double> bounds) {
        return bounds.stream().map(bound -> BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(","));
    }
}
