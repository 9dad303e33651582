package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiHistogram;
import io.switchboard.rest.RestException;

/** What a request refuses before it is sent. */
class RequestBuilderTest {
    @Test
    void timeoutsMustBePositiveAndSane() {
        RequestBuilder request = new RequestBuilder(() -> null, new RestStatistics(), "GET", "http://127.0.0.1/");
        for (Duration bad : new Duration[] { Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofDays(366) }) {
            assertThatIllegalArgumentException().isThrownBy(() -> request.timeout(bad)).withMessageContaining("timeout");
            assertThatIllegalArgumentException().isThrownBy(() -> request.connectTimeout(bad))
                    .withMessageContaining("connect timeout");
        }
        request.timeout(Duration.ofSeconds(5)).connectTimeout(null);
    }

    /** A call turned down before it is sent counts as made, and as ended with its code. */
    @Test
    void aNullUrlFailsTheStageSayingSo() {
        RestStatistics statistics = new RestStatistics();
        Throwable failure = new RequestBuilder(() -> null, statistics, "OPTIONS", null).sendAsync()
                .toCompletableFuture().handle((response, thrown) -> thrown).join();
        assertThat(failure).isInstanceOf(RestException.class).hasMessageContaining("URL is null");
        assertThat(((RestException) failure).code()).isEqualTo(RestException.INTERNAL);
        assertThat(statistics.values()).containsEntry("other_requests", 1L).containsEntry("get_requests", 0L)
                .containsEntry("outcome_internal", 1L);
    }

    @Test
    void aBlockingSendWithoutConfigurationFailsAtOnce() {
        RestStatistics statistics = new RestStatistics();
        long start = System.nanoTime();
        RestException failure = catchThrowableOfType(
                () -> new RequestBuilder(() -> null, statistics, "GET", "http://127.0.0.1/").send(),
                RestException.class);
        assertThat(failure.code()).isEqualTo(RestException.INTERNAL);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
        assertThat(statistics.values()).containsEntry("get_requests", 1L).containsEntry("outcome_internal", 1L);
    }

    @Test
    void aCallRefusedBeforeItIsSentIsTimedAsInternal() {
        RestStatistics statistics = new RestStatistics();
        new RequestBuilder(() -> null, statistics, "GET", null).sendAsync().toCompletableFuture()
                .handle((response, thrown) -> thrown).join();
        assertThat(statistics.histograms().get("latency_internal").count()).isEqualTo(1);
        assertThat(statistics.histograms().values().stream().mapToLong(MiHistogram::count).sum()).isEqualTo(1);
    }

    @Test
    void headersAndContentTypesAreUsAsciiTextThatHttpCoreSendsUnchanged() {
        RequestBuilder request = new RequestBuilder(() -> null, new RestStatistics(), "POST", "http://127.0.0.1/");
        request.header("X-Key:\t a b ");
        assertThat(sent(request).headers().get(0)).containsExactly("X-Key", "a b");
        for (String bad : new String[] { "X-Name: ключ", "X-A: a\u0000b", "X-A: a\u010D\u010AX-B: b", "X-A: \u0085" }) {
            assertThatIllegalArgumentException().isThrownBy(() -> request.header(bad))
                    .withMessageContaining("US-ASCII");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> request.body("x", "text/plain; charset=no-such"));
        assertThatIllegalArgumentException().isThrownBy(() -> request.body("x", "text/plain\r\nX-Evil: 1"));
        request.body("x", "text/plain; charset=utf-8");
        assertThat(sent(request).contentType()).isEqualTo("text/plain; charset=utf-8");
    }

    private static SentRequest sent(RequestBuilder request) {
        return request.toSend(URI.create("http://127.0.0.1/"), Duration.ofSeconds(1));
    }
}
