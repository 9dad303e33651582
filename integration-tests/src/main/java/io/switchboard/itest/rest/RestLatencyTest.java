package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Histograms;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;
import io.switchboard.rest.RestException;

/**
 * The REST client's latency per outcome (group {@code rest_latency}) after real calls: each call
 * counts once, under the code its caller got, and a call that takes a known time lands at or above
 * it. Timings are only ever asserted from below.
 */
class RestLatencyTest extends RestServerTestBase {
    @InjectService
    LogReaderService logs;
    @InjectService(filter = "(" + MiStatistics.GROUP + "=rest_latency)")
    MiStatistics latency;

    @Test
    void eachCallAddsOneObservationToItsOutcomeOnly() throws Exception {
        Map<String, MiHistogram> before = latency.histograms();

        for (int i = 0; i < 5; i++) {
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        }
        RestException refused = catchThrowableOfType(() -> rest.get("http://127.0.0.1:" + Loopback.freePort() + "/"),
                RestException.class);
        assertThat(refused.code()).isEqualTo(RestException.REFUSED);

        Configs.await("6 latencies recorded", Duration.ofSeconds(5), () -> count("latency_ok") >= count(before, "latency_ok") + 5
                && count("latency_minus_1") > count(before, "latency_minus_1"));
        Map<String, MiHistogram> after = latency.histograms();
        assertThat(count(after, "latency_ok")).isEqualTo(count(before, "latency_ok") + 5);
        assertThat(count(after, "latency_minus_1")).isEqualTo(count(before, "latency_minus_1") + 1);
        for (String other : new String[] { "latency_minus_2", "latency_minus_3", "latency_minus_4", "latency_minus_10" }) {
            assertThat(count(after, other)).as(other).isEqualTo(count(before, other));
        }
    }

    @Test
    void aSlowResponseLandsInABucketAtOrAboveItsDelay() throws Exception {
        MiHistogram before = latency.histograms().get("latency_ok");

        assertThat(rest.get(server.url("/slow?ms=300")).bodyText()).isEqualTo("slow");

        Configs.await("the latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") > before.count());
        Histograms.assertOneObservationAtLeast(before, latency.histograms().get("latency_ok"), 0.3);
    }

    @Test
    void aTimeoutCountsUnderItsCodeAtOrAboveTheTimeout() throws Exception {
        Map<String, MiHistogram> before = latency.histograms();

        RestException late = catchThrowableOfType(() -> rest.request("GET", server.url("/slow?ms=10000"))
                .timeout(Duration.ofMillis(400)).send(), RestException.class);

        // -3 as a rule; -2 if the connection was somehow not up yet when the time ran out.
        assertThat(late.code()).isIn(RestException.TRANSFER_TIMEOUT, RestException.CONNECT_TIMEOUT);
        String name = "latency_minus_" + -late.code();
        Configs.await("the latency recorded", Duration.ofSeconds(5), () -> count(name) > count(before, name));
        Histograms.assertOneObservationAtLeast(before.get(name), latency.histograms().get(name), 0.4);
    }

    @Test
    void newBoundsApplyLiveAndStartTheHistogramsAfresh() throws Exception {
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") > 0);

        RestConfig.apply(Map.of("latency_buckets", "0.05,0.5"));

        assertThat(latency.histograms().values()).allSatisfy(histogram -> {
            assertThat(histogram.upperBounds()).containsExactly(0.05, 0.5);
            assertThat(histogram.count()).as("the counts under the old bounds are dropped").isZero();
        });
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") == 1);
    }

    @Test
    void aBadLatencyBucketsValueIsRefusedAndThePreviousBoundsStay() throws Exception {
        RestConfig.apply(Map.of("latency_buckets", "0.05,0.5"));
        try (LogCapture capture = new LogCapture(logs)) {
            RestConfig.apply(Map.of("latency_buckets", "0.5,0.05"));
            String line = capture.await(Duration.ofSeconds(10), RestConfig.PID, "latency_buckets=0.5,0.05", "ascending");
            assertThat(line).startsWith("ERROR").contains("the previous configuration stays in force");
        }
        assertThat(latency.histograms().get("latency_ok").upperBounds()).containsExactly(0.05, 0.5);
        long before = count("latency_ok");
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") == before + 1);
    }

    @Test
    void resetEmptiesTheNamedHistogramOnly() throws Exception {
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        catchThrowableOfType(() -> rest.get("http://127.0.0.1:" + Loopback.freePort() + "/"), RestException.class);
        Configs.await("the latencies recorded", Duration.ofSeconds(5),
                () -> count("latency_ok") > 0 && count("latency_minus_1") > 0);
        long refused = count("latency_minus_1");

        assertThat(latency.reset("latency_ok")).isTrue();

        assertThat(count("latency_ok")).isZero();
        assertThat(latency.histograms().get("latency_ok").sum()).isZero();
        assertThat(count("latency_minus_1")).isEqualTo(refused);
        assertThat(latency.reset("latency_minus_5")).isFalse();
    }

    private long count(String name) {
        return count(latency.histograms(), name);
    }

    private static long count(Map<String, MiHistogram> histograms, String name) {
        return histograms.get(name).count();
    }
}
