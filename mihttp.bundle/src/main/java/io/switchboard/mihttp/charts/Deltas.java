package io.switchboard.mihttp.charts;

import java.util.Arrays;

import io.switchboard.mi.MiHistogram;

/**
 * What the charts draw between two samples: a counter's rate, and the 99th percentile of a latency
 * histogram as the upper bound of its bucket. A statistic that went back (reset, or its bundle
 * updated and counting from zero again) has no value for that interval rather than a negative one.
 */
final class Deltas {
    private Deltas() {
    }

    /**
     * @return the increase per second from {@code before} to {@code after} over {@code elapsedNanos},
     *         NaN when the counter went back or no time passed
     */
    static double perSecond(long before, long after, long elapsedNanos) {
        if (after < before || elapsedNanos <= 0) {
            return Double.NaN;
        }
        return (after - before) * 1e9 / elapsedNanos;
    }

    /**
     * @return the upper bound of the bucket that the 99th percentile of the observations made between
     *         the two snapshots falls in: 99 % of them took at most that long. Positive infinity when
     *         it lies above the highest bound; NaN when nothing was observed in between, or the
     *         histogram went back or changed its bounds
     */
    static double p99(MiHistogram before, MiHistogram after) {
        double[] bounds = after.upperBounds();
        if (!Arrays.equals(bounds, before.upperBounds())) {
            return Double.NaN;
        }
        long[] earlier = before.counts();
        long[] later = after.counts();
        long[] observed = new long[later.length];
        long total = 0;
        for (int i = 0; i < later.length; i++) {
            observed[i] = later[i] - earlier[i];
            if (observed[i] < 0) {
                return Double.NaN;
            }
            total += observed[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        // The rank of the 99th percentile, ceil(0.99 * total), without floating point or overflow.
        long rank = total - total / 100;
        long seen = 0;
        for (int i = 0; i < bounds.length; i++) {
            seen += observed[i];
            if (seen >= rank) {
                return bounds[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
