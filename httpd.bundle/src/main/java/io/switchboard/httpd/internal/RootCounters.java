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

    private final LongAdder[] counters = new LongAdder[NAMES.length];
    /** Replaced whole when the bounds change: request threads record into whichever one they read. */
    private volatile LatencyHistogram latency;

    RootCounters(double[] latencyBounds) {
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        latency = new LatencyHistogram(latencyBounds);
    }

    /** Counts one request as it arrives. */
    void requested() {
        counters[0].increment();
    }

    /**
     * Counts one finished response.
     *
     * @param latencyNanos from the request's arrival at httpd's dispatcher to the end of its response
     */
    void responded(int status, long bytesIn, long bytesOut, long latencyNanos) {
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
        latency.record(latencyNanos);
    }

    /** Counts one request that waits for the root's next handler. */
    void held() {
        counters[8].increment();
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

    /** Starts the latency afresh with other bounds: counts under the old ones cannot be sorted into the new. */
    void latencyBounds(double[] bounds) {
        latency = new LatencyHistogram(bounds);
    }
}
