package io.switchboard.httpd.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * What httpd counted for one root: requests, responses by status class, body bytes in and out, and
 * requests that waited for the root's next handler (its bundle was being updated).
 */
final class RootCounters {
    static final String[] NAMES = { "requests", "1xx", "2xx", "3xx", "4xx", "5xx", "bytes_in", "bytes_out", "held" };

    private final LongAdder[] counters = new LongAdder[NAMES.length];

    RootCounters() {
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
    }

    /** Counts one request as it arrives. */
    void requested() {
        counters[0].increment();
    }

    /** Counts one finished response. */
    void responded(int status, long bytesIn, long bytesOut) {
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
}
