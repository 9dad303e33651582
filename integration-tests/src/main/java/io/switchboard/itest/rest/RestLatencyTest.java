package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Histograms;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;
import io.switchboard.rest.RestException;

/**
 * The REST client's latency per outcome (the histograms of group {@code rest}, named as its
 * {@code outcome_*} counters) after real calls: each call counts once, under the code its caller got,
 * and a call that takes a known time lands at or above it; {@code /metrics} serves them. Timings are
 * only ever asserted from below.
 */
class RestLatencyTest extends RestServerTestBase {
    @InjectService
    LogReaderService logs;
    @InjectService(filter = "(" + MiStatistics.GROUP + "=rest)")
    MiStatistics statistics;

    @Test
    void eachCallAddsOneObservationToItsOutcomeOnly() throws Exception {
        Map<String, MiHistogram> before = statistics.histograms();

        for (int i = 0; i < 5; i++) {
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        }
        RestException refused = catchThrowableOfType(() -> rest.get("http://127.0.0.1:" + Loopback.freePort() + "/"),
                RestException.class);
        assertThat(refused.code()).isEqualTo(RestException.REFUSED);

        Configs.await("6 latencies recorded", Duration.ofSeconds(5),
                () -> count("latency_ok") >= count(before, "latency_ok") + 5
                        && count("latency_refused") > count(before, "latency_refused"));
        Map<String, MiHistogram> after = statistics.histograms();
        assertThat(count(after, "latency_ok")).isEqualTo(count(before, "latency_ok") + 5);
        assertThat(count(after, "latency_refused")).isEqualTo(count(before, "latency_refused") + 1);
        for (String other : new String[] { "latency_connect_timeout", "latency_transfer_timeout",
                "latency_already_connecting", "latency_internal" }) {
            assertThat(count(after, other)).as(other).isEqualTo(count(before, other));
        }
    }

    @Test
    void aSlowResponseLandsInABucketAtOrAboveItsDelay() throws Exception {
        MiHistogram before = statistics.histograms().get("latency_ok");

        assertThat(rest.get(server.url("/slow?ms=300")).bodyText()).isEqualTo("slow");

        Configs.await("the latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") > before.count());
        Histograms.assertOneObservationAtLeast(before, statistics.histograms().get("latency_ok"), 0.3);
    }

    @Test
    void aTimeoutCountsUnderItsCodeAtOrAboveTheTimeout() throws Exception {
        Map<String, MiHistogram> before = statistics.histograms();

        RestException late = catchThrowableOfType(() -> rest.request("GET", server.url("/slow?ms=10000"))
                .timeout(Duration.ofMillis(400)).send(), RestException.class);

        // -3 as a rule; -2 if the connection was somehow not up yet when the time ran out.
        assertThat(late.code()).isIn(RestException.TRANSFER_TIMEOUT, RestException.CONNECT_TIMEOUT);
        String name = late.code() == RestException.TRANSFER_TIMEOUT ? "latency_transfer_timeout"
                : "latency_connect_timeout";
        Configs.await("the latency recorded", Duration.ofSeconds(5), () -> count(name) > count(before, name));
        Histograms.assertOneObservationAtLeast(before.get(name), statistics.histograms().get(name), 0.4);
    }

    @Test
    void newBoundsApplyLiveAndStartTheHistogramsAfresh() throws Exception {
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") > 0);

        RestConfig.apply(Map.of("latency_buckets", "0.05,0.5"));

        assertThat(statistics.histograms().values()).allSatisfy(histogram -> {
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
            String line = capture.await(Duration.ofSeconds(10), RestConfig.PID, "latency_buckets=0.5,0.05",
                    "ascending");
            assertThat(line).startsWith("ERROR").contains("the previous configuration stays in force");
        }
        assertThat(statistics.histograms().get("latency_ok").upperBounds()).containsExactly(0.05, 0.5);
        long before = count("latency_ok");
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> count("latency_ok") == before + 1);
    }

    /** The group's histograms and counters side by side: a histogram's reset leaves its counter. */
    @Test
    void resetEmptiesTheNamedHistogramOnly() throws Exception {
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        catchThrowableOfType(() -> rest.get("http://127.0.0.1:" + Loopback.freePort() + "/"), RestException.class);
        Configs.await("the latencies recorded", Duration.ofSeconds(5),
                () -> count("latency_ok") > 0 && count("latency_refused") > 0);
        long refused = count("latency_refused");
        long ok = statistics.values().get("outcome_ok");
        assertThat(ok).isPositive();

        assertThat(statistics.reset("latency_ok")).isTrue();

        assertThat(count("latency_ok")).isZero();
        assertThat(statistics.histograms().get("latency_ok").sum()).isZero();
        assertThat(count("latency_refused")).isEqualTo(refused);
        assertThat(statistics.values().get("outcome_ok")).isEqualTo(ok);
        assertThat(statistics.reset("latency_minus_1")).isFalse();
    }

    /** {@code /metrics} from 127.0.0.1, with the endpoint's default names, shows the group's histograms. */
    @Test
    void prometheusServesTheLatenciesAsHistograms() throws Exception {
        String before = metrics();
        assertThat(before).contains("# TYPE switchboard_rest_latency_ok histogram\n")
                .contains("# TYPE switchboard_rest_latency_internal histogram\n");
        double ok = sample(before, "switchboard_rest_latency_ok_count");

        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);

        Configs.await("the call's latency on /metrics", Duration.ofSeconds(5),
                () -> sample(metrics(), "switchboard_rest_latency_ok_count") > ok);
        String after = metrics();
        assertThat(sample(after, "switchboard_rest_latency_ok_count")).isEqualTo(ok + 1);
        assertThat(sample(after, "switchboard_rest_latency_ok_bucket{le=\"+Inf\"}")).isEqualTo(ok + 1);
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = Loopback.get(Httpd.port(), "/metrics");
        assertThat(response.statusCode()).as("/metrics: %s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** @return the value of the sample written as {@code sample} (name and labels) */
    private static double sample(String text, String sample) {
        return text.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in " + text));
    }

    private long count(String name) {
        return count(statistics.histograms(), name);
    }

    private static long count(Map<String, MiHistogram> histograms, String name) {
        return histograms.get(name).count();
    }
}
