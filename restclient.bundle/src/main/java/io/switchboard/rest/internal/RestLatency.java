package io.switchboard.rest.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.mi.MiHistogram;
import io.switchboard.support.stats.LatencyBuckets;
import io.switchboard.support.stats.LatencyHistogram;

/**
 * The REST client's latency per {@link Outcome}, in seconds, from the call ({@code send} or
 * {@code sendAsync}) to the outcome its caller gets, the wait for a {@code max_async_transfers} slot
 * included; a call refused before it is sent (a bad URL, no valid configuration) counts too, as -10.
 * One histogram per outcome, named as its counter is: {@code latency_ok} (1, a response whatever its
 * status), {@code latency_refused} (-1), {@code latency_connect_timeout} (-2),
 * {@code latency_transfer_timeout} (-3), {@code latency_already_connecting} (-4) and
 * {@code latency_internal} (-10, a call its caller cancelled or timed out itself included).
 * <p>
 * Part of {@link RestStatistics}, whose group shows these histograms beside its counters.
 */
final class RestLatency {
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final String PREFIX = "latency_";

    /** Until the REST client applies its configuration: the default of {@code latency_buckets}. */
    private double[] bounds = LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS);
    /** By outcome; replaced whole when the bounds change: callers record into whichever set they read. */
    private volatile LatencyHistogram[] byOutcome = histograms(bounds);

    /**
     * Counts one call's outcome.
     *
     * @param failure {@code null} for a response; else what the caller's future failed with
     * @param nanos from the call to the outcome
     */
    void record(Throwable failure, long nanos) {
        byOutcome[Outcome.of(failure).ordinal()].record(nanos);
    }

    /**
     * Applies {@code latency_buckets}: when the bounds change every outcome's latency starts afresh
     * with the new ones, and the counts so far are dropped.
     */
    synchronized void bounds(List<Double> latencyBuckets) {
        double[] next = LatencyBuckets.toArray(latencyBuckets);
        if (!Arrays.equals(next, bounds)) {
            bounds = next;
            byOutcome = histograms(next);
        }
    }

    /** @return a snapshot of every outcome's histogram, by name */
    Map<String, MiHistogram> histograms() {
        LatencyHistogram[] now = byOutcome;
        Map<String, MiHistogram> histograms = new LinkedHashMap<>();
        for (Outcome outcome : OUTCOMES) {
            histograms.put(outcome.named(PREFIX), now[outcome.ordinal()].snapshot());
        }
        return histograms;
    }

    /**
     * @param name a histogram's name, which is emptied
     * @return whether {@code name} is one of these histograms
     */
    boolean reset(String name) {
        for (Outcome outcome : OUTCOMES) {
            if (outcome.named(PREFIX).equals(name)) {
                byOutcome[outcome.ordinal()].reset();
                return true;
            }
        }
        return false;
    }

    private static LatencyHistogram[] histograms(double[] bounds) {
        LatencyHistogram[] histograms = new LatencyHistogram[OUTCOMES.length];
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = new LatencyHistogram(bounds);
        }
        return histograms;
    }
}
