package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * A caller looping on a dead upstream writes a handful of log lines, not one per call; another dead
 * upstream still gets lines of its own at once. Lines name the URL without its query.
 */
class RestFailureLogTest extends RestServerTestBase {
    /** RateLimitedLog.LINES_PER_WINDOW: the support module's classes are private to each bundle. */
    private static final int LINES_PER_MINUTE = 5;

    @InjectService
    LogReaderService logs;

    @Test
    void aThousandCallsToADeadUpstreamWriteFiveLines() throws Exception {
        String dead = "127.0.0.1:" + Loopback.freePort();
        String alsoDead = "127.0.0.1:" + Loopback.freePort();
        try (LogCapture capture = new LogCapture(logs)) {
            List<CompletableFuture<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(rest.getAsync("http://" + dead + "/loop").toCompletableFuture());
            }
            for (CompletableFuture<RestResponse> call : calls) {
                Throwable failure = call.handle((response, error) -> error).get(10, TimeUnit.SECONDS);
                assertThat(((RestException) failure).code()).isEqualTo(RestException.REFUSED);
            }
            // Lines reach listeners in order: once this one is in, every line of the loop is.
            RestException other = catchRest(() -> rest.get("http://" + alsoDead + "/"));
            assertThat(other.code()).isEqualTo(RestException.REFUSED);
            capture.await(Duration.ofSeconds(10), "REST GET failed", alsoDead);
            assertThat(capture.count("REST GET failed", dead)).isEqualTo(LINES_PER_MINUTE);
            assertThat(capture.count("WARN", "REST GET failed", dead, "refused (rc -1)")).isEqualTo(LINES_PER_MINUTE);
        }
        assertServed();
    }

    @Test
    void aLogLineShowsNoQueryOrFragmentButTheCallerGetsTheWholeUrl() throws Exception {
        String dead = "127.0.0.1:" + Loopback.freePort();
        String url = "http://" + dead + "/send?api_key=S3CRET-QUERY&to=x#S3CRET-FRAGMENT";
        try (LogCapture capture = new LogCapture(logs)) {
            RestException failure = catchRest(() -> rest.get(url));
            assertThat(failure.code()).isEqualTo(RestException.REFUSED);
            assertThat(failure.getMessage()).contains("api_key=S3CRET-QUERY");
            capture.await(Duration.ofSeconds(10), "REST GET failed", "http://" + dead + "/send refused");
            assertThat(capture.count("S3CRET")).isZero();
        }
        assertServed();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static RestException catchRest(Call call) throws Exception {
        try {
            call.run();
        } catch (RestException expected) {
            return expected;
        }
        throw new AssertionError("the call succeeded");
    }
}
