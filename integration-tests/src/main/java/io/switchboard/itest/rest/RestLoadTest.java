package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * A thousand concurrent asynchronous calls with max_async_transfers=20: the server never sees more than
 * 20 at once, and against a stalling server every call fails with -3 (or -2 when its slot came as its time ran out), none before curl_timeout counted
 * from the call (the time spent waiting for a slot included). How late after it is the REST benchmark's
 * to measure, not a test's: TransferTest holds the deadline logic on a clock of its own.
 */
class RestLoadTest extends RestServerTestBase {
    private static final int CALLS = 1000;
    private static final int LIMIT = 20;


    @Test
    void maxAsyncTransfersIsNeverExceededOverHttp11() throws Exception {
        RestConfig.apply(Map.of("max_async_transfers", Integer.toString(LIMIT)));
        assertLimitHolds();
    }

    /** HTTP/2 multiplexes: a pool of 20 connections alone would not bound the streams. */
    @Test
    void maxAsyncTransfersIsNeverExceededOverH2c() throws Exception {
        RestConfig.apply(Map.of("max_async_transfers", Integer.toString(LIMIT), "curl_http_version", "5"));
        assertLimitHolds();
        assertThat(server.protocols).containsOnly("HTTP/2.0");
    }

    @Test
    void everyCallOfAStalledServerTimesOutAndNoneEarly() throws Exception {
        RestConfig.apply(Map.of("max_async_transfers", Integer.toString(LIMIT), "curl_timeout", "1",
                "connection_timeout", "1"));
        long[] elapsed = new long[CALLS];
        List<CompletableFuture<RestResponse>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            int call = i;
            long start = System.nanoTime();
            calls.add(rest.getAsync(server.url("/stall")).toCompletableFuture()
                    .whenComplete((response, failure) -> elapsed[call] = System.nanoTime() - start));
        }
        int started = 0;
        for (CompletableFuture<RestResponse> call : calls) {
            RestException timeout = (RestException) call.handle((response, failure) -> failure).get(10, TimeUnit.SECONDS)
                    .getCause();
            // -2 for a call whose slot came in its last milliseconds, still connecting at the deadline.
            assertThat(timeout.code()).as(timeout.getMessage())
                    .isIn(RestException.TRANSFER_TIMEOUT, RestException.CONNECT_TIMEOUT);
            started += timeout.partial() != null && timeout.partial().status() == 200 ? 1 : 0;
        }
        long[] millis = Arrays.stream(elapsed).map(TimeUnit.NANOSECONDS::toMillis).sorted().toArray();
        String spread = "min " + millis[0] + ", median " + millis[CALLS / 2] + ", p99 " + millis[CALLS * 99 / 100]
                + ", max " + millis[CALLS - 1] + " ms";
        assertThat(millis[0]).as(spread).isGreaterThanOrEqualTo(1000L);
        // The first 20 stall on the server; a few of the next ones start in the last milliseconds left to
        // them, as slots free up; the rest time out waiting, status 0, never sent.
        assertThat(started).as("calls that reached the server before their deadline").isBetween(LIMIT, CALLS / 2);
    }

    private void assertLimitHolds() throws Exception {
        List<CompletableFuture<RestResponse>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(rest.getAsync(server.url("/slow?ms=10")).toCompletableFuture());
        }
        for (CompletableFuture<RestResponse> call : calls) {
            assertThat(call.get(25, TimeUnit.SECONDS).bodyText()).isEqualTo("slow");
        }
        assertThat(server.requests).hasValue(CALLS);
        assertThat(server.maxInProgress.get()).isBetween(LIMIT / 2, LIMIT);
    }
}
