package io.switchboard.rest.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;
import io.switchboard.rest.RestException;
import io.switchboard.support.stats.LatencyBuckets;
import io.switchboard.support.stats.LatencyHistogram;

/**
 * The REST client's latency per outcome, in seconds, from the call ({@code send} or
 * {@code sendAsync}) to the outcome its caller gets, the wait for a {@code max_async_transfers} slot
 * included; a call refused before it is sent (a bad URL, no valid configuration) counts too, as -10.
 * One histogram per rest_client return code, named so that any statistics reader takes the name: {@code latency_ok} (1, a response whatever its status), {@code latency_minus_1} (refused),
 * {@code latency_minus_2} (connect timeout), {@code latency_minus_3} (transfer timeout),
 * {@code latency_minus_4} (already connecting) and {@code latency_minus_10} (internal, a call its
 * caller cancelled or timed out itself included).
 * <p>
 * A group of its own, {@value #GROUP}, beside the REST client's counters: two services of one group
 * hide one another. Immediate: the histograms live as long as the bundle, across the REST client
 * service's restarts, and show from the start.
 */
@Component(service = { MiStatistics.class, RestLatency.class }, immediate = true,
        property = MiStatistics.GROUP + "=" + RestLatency.GROUP)
public final class RestLatency implements MiStatistics {
    static final String GROUP = "rest_latency";
    /** The outcomes, as rest_client's return codes, and the histograms' names, in the same order. */
    private static final int[] CODES = { 1, RestException.REFUSED, RestException.CONNECT_TIMEOUT,
            RestException.TRANSFER_TIMEOUT, RestException.ALREADY_CONNECTING, RestException.INTERNAL };
    static final List<String> NAMES = List.of("latency_ok", "latency_minus_1", "latency_minus_2", "latency_minus_3",
            "latency_minus_4", "latency_minus_10");
    private static final int INTERNAL = CODES.length - 1;

    /** Until the REST client applies its configuration: the default of {@code latency_buckets}. */
    private double[] bounds = LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS);
    /** Replaced whole when the bounds change: callers record into whichever set they read. */
    private volatile LatencyHistogram[] byOutcome = histograms(bounds);

    /**
     * Counts one call's outcome.
     *
     * @param failure {@code null} for a response; else what the caller's future failed with
     * @param nanos from the call to the outcome
     */
    void record(Throwable failure, long nanos) {
        byOutcome[outcome(failure)].record(nanos);
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

    /** @return histograms only: the REST client's counts are another group's */
    @Override
    public Map<String, Long> values() {
        return Map.of();
    }

    @Override
    public Map<String, MiHistogram> histograms() {
        LatencyHistogram[] now = byOutcome;
        Map<String, MiHistogram> histograms = new LinkedHashMap<>();
        for (int i = 0; i < now.length; i++) {
            histograms.put(NAMES.get(i), now[i].snapshot());
        }
        return histograms;
    }

    /** @param name a histogram's name, which is emptied */
    @Override
    public boolean reset(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            return false;
        }
        byOutcome[index].reset();
        return true;
    }

    /** @return the index of the outcome {@code failure} stands for */
    private static int outcome(Throwable failure) {
        if (failure == null) {
            return 0;
        }
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        if (!(cause instanceof RestException rest)) {
            // The caller cancelled its future or timed it out itself: the transfer ends -10.
            return INTERNAL;
        }
        for (int i = 1; i < CODES.length; i++) {
            if (CODES[i] == rest.code()) {
                return i;
            }
        }
        // Every code the client raises is one of the above; a stray one is an internal failure.
        return INTERNAL;
    }

    private static LatencyHistogram[] histograms(double[] bounds) {
        LatencyHistogram[] histograms = new LatencyHistogram[CODES.length];
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = new LatencyHistogram(bounds);
        }
        return histograms;
    }
}
