package io.switchboard.httpd.internal;

import java.util.concurrent.atomic.LongAdder;

import io.switchboard.support.stats.LatencyHistogram;

/**
 * What httpd counted for one root: requests, responses by status class, body bytes in and out,
 * requests that waited for the root's next handler (its bundle was being updated), and the latency of
 * its responses.
 */
final class RootCounters {
    static final String[] NAMES = { "requests", "1xx", "2xx", "3xx", "4xx", "5xx", "bytes_in", "bytes_out", "held" };
    /** What the requests of every root count into while httpd counts nothing ({@code statistics=none}). */
    static final RootCounters UNCOUNTED = new RootCounters();

    private final boolean counted;
    /**
     * The statistics' names, {@code <root>_<name>} in the order of {@link #NAMES}, then the latency's:
     * made once, so that every scrape reads the same strings, their hashes known.
     */
    private final String[] statisticNames;
    private final LongAdder[] counters = new LongAdder[NAMES.length];
    /** Replaced whole when the bounds change: request threads record into whichever one they read. */
    private volatile LatencyHistogram latency;
    /** Whether responses are recorded in {@link #latency} ({@code statistics=all}). */
    private volatile boolean timed;

    /**
     * @param label the root as the statistics name it
     * @param latencyBounds the latency histogram's bounds
     * @param timed whether responses are recorded in it
     */
    RootCounters(String label, double[] latencyBounds, boolean timed) {
        this.counted = true;
        this.statisticNames = new String[NAMES.length + 1];
        for (int i = 0; i < NAMES.length; i++) {
            statisticNames[i] = label + "_" + NAMES[i];
        }
        statisticNames[NAMES.length] = label + RootStatistics.LATENCY;
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        this.latency = new LatencyHistogram(latencyBounds);
        this.timed = timed;
    }

    private RootCounters() {
        this.counted = false;
        this.statisticNames = new String[0];
    }

    /** @return the name of the counter at {@code index} of {@link #NAMES} */
    String statisticName(int index) {
        return statisticNames[index];
    }

    String latencyName() {
        return statisticNames[NAMES.length];
    }

    /** Counts one request as it arrives. */
    void requested() {
        if (counted) {
            counters[0].increment();
        }
    }

    /**
     * Counts one finished response.
     *
     * @param latencyNanos from the request's arrival at httpd's dispatcher to the end of its response
     */
    void responded(int status, long bytesIn, long bytesOut, long latencyNanos) {
        if (!counted) {
            return;
        }
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            counters[statusClass].increment();
        }
        // An add of 0 still contends for the shared cell: most requests have no body.
        if (bytesIn > 0) {
            counters[6].add(bytesIn);
        }
        if (bytesOut > 0) {
            counters[7].add(bytesOut);
        }
        if (timed) {
            latency.record(latencyNanos);
        }
    }

    /** Counts one request that waits for the root's next handler. */
    void held() {
        if (counted) {
            counters[8].increment();
        }
    }

    long value(int index) {
        return counters[index].sum();
    }

    void reset(int index) {
        counters[index].reset();
    }

    LatencyHistogram latency() {
        return latency;
    }

    void timed(boolean recorded) {
        timed = recorded;
    }

    /** Starts the latency afresh with other bounds: counts under the old ones cannot be sorted into the new. */
    void latencyBounds(double[] bounds) {
        latency = new LatencyHistogram(bounds);
    }
}
