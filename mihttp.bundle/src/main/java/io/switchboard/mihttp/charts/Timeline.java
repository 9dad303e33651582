package io.switchboard.mihttp.charts;

import java.util.Map;

/**
 * The samples a {@link SeriesRing} held at one moment, oldest first: what a chart draws.
 *
 * @param nanos when each sample was taken, on {@link System#nanoTime()}'s clock
 * @param series by name, a value per sample (NaN: none); each array as long as {@code nanos}
 */
record Timeline(long[] nanos, Map<String, double[]> series) {

    /** @return the last defined value of {@code name}, NaN when it has none */
    double last(String name) {
        double[] values = series.get(name);
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }
}
