package io.switchboard.support.stats;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.mi.MiHistogram;

/**
 * A latency histogram that request threads record into without a lock: one adder per bucket, the
 * bounds fixed when it is made. {@link #snapshot()} gives it as the MI and Prometheus show it.
 */
public final class LatencyHistogram {
    /**
     * Bounds in seconds, from 1 ms to 10 s: Prometheus's client defaults with the millisecond steps a
     * local HTTP server needs in front.
     */
    public static final String DEFAULT_BOUNDS = "0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10";

    private final double[] boundsSeconds;
    private final long[] boundsNanos;
    private final LongAdder[] buckets;
    private final LongAdder sumNanos = new LongAdder();

    /** @param boundsSeconds the upper bounds, ascending and positive, as {@link #parseBounds} gives them */
    public LatencyHistogram(double[] boundsSeconds) {
        this.boundsSeconds = boundsSeconds.clone();
        this.boundsNanos = new long[boundsSeconds.length];
        for (int i = 0; i < boundsSeconds.length; i++) {
            boundsNanos[i] = Math.round(boundsSeconds[i] * TimeUnit.SECONDS.toNanos(1));
        }
        this.buckets = new LongAdder[boundsSeconds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Counts one observation of {@code nanos}. */
    public void record(long nanos) {
        int index = Arrays.binarySearch(boundsNanos, nanos);
        // Not found: the insertion point, the first bound above; a bound is inclusive.
        buckets[index >= 0 ? index : -index - 1].increment();
        sumNanos.add(nanos);
    }

    public MiHistogram snapshot() {
        long[] counts = new long[buckets.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets[i].sum();
        }
        return new MiHistogram(boundsSeconds, counts, sumNanos.sum() / 1e9);
    }

    public void reset() {
        for (LongAdder bucket : buckets) {
            bucket.reset();
        }
        sumNanos.reset();
    }

    /**
     * @param text bounds in seconds separated by commas, ascending, each above 0 and at most 3600
     * @return the bounds
     * @throws IllegalArgumentException naming what is wrong, for the setting's refusal
     */
    public static double[] parseBounds(String text) {
        String[] parts = text.split(",");
        if (text.isBlank() || parts.length > 50) {
            throw new IllegalArgumentException("must be 1 to 50 bounds in seconds, ascending, separated by commas");
        }
        double[] bounds = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                bounds[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("'" + parts[i].trim() + "' is not a number of seconds");
            }
            if (!(bounds[i] > 0 && bounds[i] <= 3600)) {
                throw new IllegalArgumentException("each bound must be above 0 and at most 3600 seconds: " + parts[i].trim());
            }
            if (i > 0 && bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("the bounds must be ascending: " + parts[i - 1].trim() + " then "
                        + parts[i].trim());
            }
        }
        return bounds;
    }
}
