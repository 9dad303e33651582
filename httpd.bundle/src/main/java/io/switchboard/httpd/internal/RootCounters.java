package io.switchboard.httpd.internal;

import java.util.concurrent.atomic.LongAdder;

/** What httpd counted for one root: requests, responses by status class, body bytes in and out. */
final class RootCounters {
    static final String[] NAMES = { "requests", "1xx", "2xx", "3xx", "4xx", "5xx", "bytes_in", "bytes_out" };

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

    long value(int index) {
        return counters[index].sum();
    }

    void reset(int index) {
        counters[index].reset();
    }
}
