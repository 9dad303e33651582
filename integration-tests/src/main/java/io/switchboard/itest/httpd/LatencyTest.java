package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Histograms;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/**
 * httpd's latency histogram per root ({@code httpd:<root>_latency}) after real requests: what it
 * counts, where a slow response lands, and {@code latency_buckets} changed live. Timings are only
 * ever asserted from below.
 */
class LatencyTest {
    private static final String DEFAULT_BOUNDS = "0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    @InjectService(filter = "(" + MiStatistics.GROUP + "=httpd)")
    MiStatistics httpd;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Handlers.register(context, "latency", Handlers.echo("latency"));
        Handlers.register(context, "latencyother", Handlers.echo("other"));
    }

    @AfterEach
    void restore() throws Exception {
        later.shutdownNow();
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void eachRequestAddsOneObservationToItsRootsHistogramOnly() throws Exception {
        long before = latency("latency").count();
        long otherBefore = latency("latencyother").count();

        for (int i = 0; i < 7; i++) {
            assertThat(Loopback.get(port, "/latency/" + i).statusCode()).isEqualTo(200);
        }

        Configs.await("7 latencies recorded", Duration.ofSeconds(5), () -> latency("latency").count() >= before + 7);
        assertThat(latency("latency").count()).isEqualTo(before + 7);
        assertThat(latency("latencyother").count()).isEqualTo(otherBefore);
    }

    @Test
    void aResponseDeferredForAKnownTimeLandsInABucketAtOrAboveIt() throws Exception {
        long delayMillis = 300;
        Handlers.register(context, "latencyslow", (request, response) -> {
            response.defer();
            later.schedule(() -> {
                response.send(200, "text/plain", "late");
                return null;
            }, delayMillis, TimeUnit.MILLISECONDS);
        });
        MiHistogram before = latency("latencyslow");

        assertThat(Loopback.get(port, "/latencyslow").body()).isEqualTo("late");

        Configs.await("the latency recorded", Duration.ofSeconds(5), () -> latency("latencyslow").count() > before.count());
        Histograms.assertOneObservationAtLeast(before, latency("latencyslow"), delayMillis / 1000.0);
    }

    /** The wait for a root's next handler is part of what the client saw: it counts. */
    @Test
    void aRequestHeldForARootsNextHandlerCountsItsWait() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "2000"));
        var leaving = Handlers.register(context, "latencygone", Handlers.echo("gone"));
        // Requests no root took are counted from the first one on.
        assertThat(Loopback.get(port, "/latencynoroot").statusCode()).isEqualTo(404);
        MiHistogram before = latency("unrouted");
        long held = httpd.values().get("latencygone_held");

        long leftAt = System.nanoTime();
        leaving.unregister();
        var waiting = Loopback.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/latencygone/a")).build(), HttpResponse.BodyHandlers.ofString());
        Configs.await("the request held", Duration.ofSeconds(10), () -> httpd.values().get("latencygone_held") > held);
        // It arrived before it was seen held, and waits until 2 s after the handler left: at least this long.
        double atLeast = (leftAt + TimeUnit.MILLISECONDS.toNanos(2000) - System.nanoTime()) / 1e9;

        assertThat(waiting.get(20, TimeUnit.SECONDS).statusCode()).as("no next handler came").isEqualTo(404);
        Configs.await("the latency recorded", Duration.ofSeconds(5), () -> latency("unrouted").count() > before.count());
        Histograms.assertOneObservationAtLeast(before, latency("unrouted"), atLeast);
    }

    @Test
    void newBoundsApplyLiveAndStartTheHistogramsAfresh() throws Exception {
        assertThat(Loopback.get(port, "/latency/a").statusCode()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> latency("latency").count() > 0);

        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "latency_buckets", "0.05,0.5"));

        assertThat(latency("latency").upperBounds()).containsExactly(0.05, 0.5);
        assertThat(latency("latency").count()).as("the counts under the old bounds are dropped").isZero();
        assertThat(latency("latencyother").upperBounds()).containsExactly(0.05, 0.5);
        assertThat(Loopback.get(port, "/latency/b").statusCode()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> latency("latency").count() == 1);
    }

    @Test
    void aBadLatencyBucketsValueIsRefusedAndThePreviousBoundsStay() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "latency_buckets", "0.05,0.5"));
        try (LogCapture capture = new LogCapture(logs)) {
            Httpd.update(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "latency_buckets", "0.5,0.05"));
            String line = capture.await(Duration.ofSeconds(10), "switchboard.httpd", "latency_buckets=0.5,0.05",
                    "ascending");
            assertThat(line).startsWith("ERROR").contains("the previous configuration stays in force");
        }
        assertThat(latency("latency").upperBounds()).containsExactly(0.05, 0.5);
        Httpd.await("(" + HttpdRuntime.CONFIG_PREFIX + "latency_buckets=0.05,0.5)", Duration.ofSeconds(5));
        long before = latency("latency").count();
        assertThat(Loopback.get(port, "/latency/c").statusCode()).isEqualTo(200);
        Configs.await("a latency recorded", Duration.ofSeconds(5), () -> latency("latency").count() == before + 1);
    }

    /** A response is counted before its last byte is written: once the client has it, the counts are final. */
    @Test
    void statisticsTurnTheHistogramsThenAllCountingOffLive() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "statistics", "counters"));
        long requests = httpd.values().get("latency_requests");
        long answered = httpd.values().get("latency_2xx");
        long timed = latency("latency").count();

        assertThat(Loopback.get(port, "/latency/a").statusCode()).isEqualTo(200);
        assertThat(httpd.values()).containsEntry("latency_requests", requests + 1)
                .containsEntry("latency_2xx", answered + 1);
        assertThat(latency("latency").count()).as("no histogram").isEqualTo(timed);

        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "statistics", "none"));
        long unrouted = httpd.values().getOrDefault("unrouted_requests", 0L);
        assertThat(Loopback.get(port, "/latency/b").statusCode()).isEqualTo(200);
        assertThat(Loopback.get(port, "/latencynone").statusCode()).isEqualTo(404);
        assertThat(httpd.values()).as("frozen, still listed").containsEntry("latency_requests", requests + 1)
                .containsEntry("latency_2xx", answered + 1);
        assertThat(httpd.values().getOrDefault("unrouted_requests", 0L)).isEqualTo(unrouted);
        assertThat(latency("latency").count()).isEqualTo(timed);

        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        assertThat(Loopback.get(port, "/latency/c").statusCode()).isEqualTo(200);
        assertThat(httpd.values()).containsEntry("latency_requests", requests + 2);
        assertThat(latency("latency").count()).isEqualTo(timed + 1);
    }

    @Test
    void resetEmptiesOneRootsHistogramAndLeavesItsCounters() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(Loopback.get(port, "/latency/" + i).statusCode()).isEqualTo(200);
            assertThat(Loopback.get(port, "/latencyother/" + i).statusCode()).isEqualTo(200);
        }
        Configs.await("the latencies recorded", Duration.ofSeconds(5), () -> latency("latency").count() >= 3
                && latency("latencyother").count() >= 3);
        long requests = httpd.values().get("latency_requests");

        assertThat(httpd.reset("latency_latency")).isTrue();

        assertThat(latency("latency").count()).isZero();
        assertThat(latency("latency").sum()).isZero();
        assertThat(latency("latencyother").count()).isGreaterThanOrEqualTo(3);
        assertThat(httpd.values().get("latency_requests")).isEqualTo(requests);
        assertThat(httpd.reset("nosuchroot_latency")).isFalse();
    }

    @Test
    void theDefaultBoundsRunFromOneMillisecondToTenSeconds() throws Exception {
        Httpd.await("(" + HttpdRuntime.CONFIG_PREFIX + "latency_buckets=" + DEFAULT_BOUNDS + ")", Duration.ofSeconds(5));
        assertThat(latency("latency").upperBounds()).containsExactly(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                0.25, 0.5, 1, 2.5, 5, 10);
    }

    private MiHistogram latency(String root) {
        MiHistogram histogram = httpd.histograms().get(root + "_latency");
        assertThat(histogram).as("httpd:" + root + "_latency").isNotNull();
        return histogram;
    }
}
