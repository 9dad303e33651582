package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** The REST client against a real Jetty server on 127.0.0.1. */
class RestClientTest extends RestServerTestBase {
    @InjectService
    LogReaderService logs;

    @Test
    void everyMethodBlockingAndAsynchronous() throws Exception {
        assertThat(rest.get(server.url("/echo")).bodyText()).isEqualTo("GET|null|null|");
        assertThat(rest.post(server.url("/echo"), "a=1", null).bodyText())
                .isEqualTo("POST|null|application/x-www-form-urlencoded|a=1");
        assertThat(rest.put(server.url("/echo"), "{}", "application/json").bodyText())
                .isEqualTo("PUT|null|application/json|{}");
        assertThat(rest.patch(server.url("/echo"), "p", "text/plain").bodyText()).startsWith("PATCH|");
        assertThat(rest.delete(server.url("/echo")).bodyText()).startsWith("DELETE|");
        RestResponse head = rest.head(server.url("/echo"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(rest.getAsync(server.url("/echo")).toCompletableFuture().get(10, TimeUnit.SECONDS).bodyText())
                .isEqualTo("GET|null|null|");
        assertThat(rest.postAsync(server.url("/echo"), "x", "text/plain").toCompletableFuture().get(10, TimeUnit.SECONDS)
                .bodyText()).isEqualTo("POST|null|text/plain|x");
        assertThat(rest.putAsync(server.url("/echo"), "y", null).toCompletableFuture().get(10, TimeUnit.SECONDS)
                .status()).isEqualTo(200);
    }

    @Test
    void appendedHeadersAreSentAndBadOnesRefused() throws Exception {
        RestResponse response = rest.request("GET", server.url("/echo")).header("X-Test: yes").send();
        assertThat(response.bodyText()).isEqualTo("GET|yes|null|");
        assertThat(response.contentType()).startsWith("text/plain");
        assertThatThrownBy(() -> rest.request("GET", server.url("/echo")).header("X-Test: a\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.request("GET", server.url("/echo")).header("no colon"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingListeningIsMinusOne() throws Exception {
        int closed = Loopback.freePort();
        RestException refused = catchThrowableOfType(() -> rest.get("http://127.0.0.1:" + closed + "/"),
                RestException.class);
        assertThat(refused.code()).isEqualTo(RestException.REFUSED);
        Throwable async = catchThrowableOfType(
                () -> rest.getAsync("http://127.0.0.1:" + closed + "/").toCompletableFuture().join(),
                CompletionException.class);
        assertThat(async.getCause()).isInstanceOf(RestException.class);
        assertThat(((RestException) async.getCause()).code()).isEqualTo(RestException.REFUSED);
    }

    @Test
    void aListenerWithAFullAcceptBacklogIsMinusTwo() throws Exception {
        try (FullBacklog full = new FullBacklog()) {
            long start = System.nanoTime();
            RestException timeout = catchThrowableOfType(() -> rest.request("GET",
                    "http://127.0.0.1:" + full.port() + "/").connectTimeout(Duration.ofMillis(300))
                    .timeout(Duration.ofSeconds(5)).send(), RestException.class);
            assertThat(timeout.code()).isEqualTo(RestException.CONNECT_TIMEOUT);
            // connect_poll_interval (20 ms) is how late the reactor may notice the connect timeout.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
                    Duration.ofMillis(900));
        }
    }

    @Test
    void aStalledTransferIsMinusThreeWithThePartialBody() throws Exception {
        long start = System.nanoTime();
        RestException timeout = catchThrowableOfType(
                () -> rest.request("GET", server.url("/stall")).timeout(Duration.ofMillis(500)).send(),
                RestException.class);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(timeout.code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(timeout.partial().status()).isEqualTo(200);
        assertThat(timeout.partial().bodyText()).isEqualTo("partial");
        assertThat(elapsed).isBetween(450L, 5_000L);
    }

    @Test
    void aBodyPastMaxTransferSizeIsMinusTenWhileReading() throws Exception {
        RestConfig.apply(Map.of("max_transfer_size", "16"));
        try {
            RestException tooLarge = catchThrowableOfType(() -> rest.get(server.url("/big")), RestException.class);
            assertThat(tooLarge.getMessage()).contains("max_transfer_size=16 KB");
            assertThat(tooLarge.partial().body().length).isLessThanOrEqualTo(16 * 1024);
        } finally {
            RestConfig.reset();
        }
        assertThat(rest.get(server.url("/big")).body()).hasSize(100 * 1024);
    }

    @Test
    void aTransferTimeoutBelowTheConnectTimeoutIsRefused() throws Exception {
        try (LogCapture capture = new LogCapture(logs)) {
            RestConfig.apply(Map.of("curl_timeout", "5", "connection_timeout", "10"));
            capture.await(Duration.ofSeconds(10), RestConfig.PID, "curl_timeout=5", "at least connection_timeout");
        } finally {
            RestConfig.reset();
        }
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
    }

    @Test
    void aBadUrlIsMinusTen() {
        RestException bad = catchThrowableOfType(() -> rest.get("ftp://127.0.0.1/x"), RestException.class);
        assertThat(bad.code()).isEqualTo(RestException.INTERNAL);
    }
}
