package io.switchboard.mihttp.charts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code capacity} samples of named series, in memory that does not grow with time: a slot
 * per sample holds its time, and each series a value per slot. A series is added when a sample first
 * gives it and leaves once no slot holds a value given for it (its root or group went away a whole ring
 * ago). A value may be NaN, given but undefined (no request in the interval for a percentile); a
 * series not given in a sample is NaN there too.
 * <p>
 * One thread appends (the sampler's), page requests read {@link #timeline() copies}: synchronized.
 */
final class SeriesRing {
    private static final class Series {
        final double[] values;
        /** The number of the last sample that gave this series. */
        long lastGiven;

        Series(int capacity) {
            values = new double[capacity];
            Arrays.fill(values, Double.NaN);
        }
    }

    private final int capacity;
    private final long[] nanos;
    private final Map<String, Series> series = new HashMap<>();
    /** Samples appended so far; the next goes to slot {@code appended % capacity}. */
    private long appended;

    SeriesRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a ring needs at least 2 slots, not " + capacity);
        }
        this.capacity = capacity;
        this.nanos = new long[capacity];
    }

    int capacity() {
        return capacity;
    }

    /**
     * Adds a sample, in the place of the oldest once the ring is full.
     *
     * @param timeNanos when it was taken, on {@link System#nanoTime()}'s clock
     * @param values the value of each series at that time
     */
    synchronized void append(long timeNanos, Map<String, Double> values) {
        int slot = (int) (appended % capacity);
        nanos[slot] = timeNanos;
        series.values().forEach(known -> known.values[slot] = Double.NaN);
        values.forEach((name, value) -> {
            Series given = series.computeIfAbsent(name, unused -> new Series(capacity));
            given.values[slot] = value;
            given.lastGiven = appended;
        });
        appended++;
        for (Iterator<Series> each = series.values().iterator(); each.hasNext();) {
            if (each.next().lastGiven <= appended - 1 - capacity) {
                each.remove();
            }
        }
    }

    /** @return a copy of the samples held, oldest first, and of every series in name order */
    synchronized Timeline timeline() {
        int size = (int) Math.min(appended, capacity);
        long oldest = appended - size;
        long[] times = new long[size];
        for (int i = 0; i < size; i++) {
            times[i] = nanos[(int) ((oldest + i) % capacity)];
        }
        Map<String, double[]> copies = new TreeMap<>();
        series.forEach((name, held) -> {
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                values[i] = held.values[(int) ((oldest + i) % capacity)];
            }
            copies.put(name, values);
        });
        return new Timeline(times, copies);
    }
}
