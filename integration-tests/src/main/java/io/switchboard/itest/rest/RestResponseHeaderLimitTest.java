package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.LogCapture;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * max_header_size (8192 bytes a line) and max_headers (100): an upstream that sends headers without
 * end, or too many, or too long, costs the caller a prompt -10, never curl_timeout (20 s) and the heap,
 * over HTTP/1.1 and HTTP/2, blocking and asynchronous.
 */
class RestResponseHeaderLimitTest extends RestServerTestBase {
    @InjectService
    LogReaderService logs;

    @Test
    void headerLinesWithoutEndAreMinusTenAtOnce() throws Exception {
        try (EndlessHeaders upstream = new EndlessHeaders(false)) {
            assertRefused(upstream.url(), "Maximum header count exceeded");
        }
        assertServed();
    }

    @Test
    void aHeaderLineWithoutEndIsMinusTenAtOnce() throws Exception {
        try (EndlessHeaders upstream = new EndlessHeaders(true)) {
            assertRefused(upstream.url(), "Maximum line length limit exceeded");
        }
        assertServed();
    }

    @Test
    void overHttp11TooManyOrTooLongHeadersAreMinusTenAndTheLimitsAreSettings() throws Exception {
        assertThat(rest.get(server.url("/headers?count=90&size=10")).status()).isEqualTo(200);
        assertRefused(server.url("/headers?count=150&size=10"), "Maximum header count exceeded");
        assertRefused(server.url("/headers?count=1&size=9000"), "Maximum line length limit exceeded");
        RestConfig.apply(Map.of("max_headers", "200", "max_header_size", "16384"));
        assertThat(rest.get(server.url("/headers?count=150&size=10")).status()).isEqualTo(200);
        assertThat(rest.get(server.url("/headers?count=1&size=9000")).status()).isEqualTo(200);
        assertServed();
    }

    @Test
    void overHttp2TooManyHeadersOrTooLargeAListAreMinusTen() throws Exception {
        RestConfig.apply(Map.of("curl_http_version", "5"));
        RestResponse fine = rest.get(server.url("/headers?count=90&size=10"));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(server.lastProtocol()).isEqualTo("HTTP/2.0");
        assertRefused(server.url("/headers?count=150&size=10"), "more than max_headers=100");
        // Jetty keeps to the SETTINGS_MAX_HEADER_LIST_SIZE the client announced and resets the stream.
        RestException reset = catchThrowableOfType(() -> rest.get(server.url("/headers?count=90&size=9500")),
                RestException.class);
        assertThat(reset.code()).as(reset.getMessage()).isEqualTo(RestException.INTERNAL);
        try (OversizedHttp2Headers upstream = new OversizedHttp2Headers(90, 9500)) {
            assertRefused(upstream.url(), "Maximum header list size exceeded");
        }
        assertServed();
        assertThat(server.lastProtocol()).isEqualTo("HTTP/2.0");
    }

    @Test
    void limitsOutOfRangeAreRefusedByNameAndTheLastGoodOnesStay() throws Exception {
        RestConfig.apply(Map.of("max_headers", "200"));
        try (LogCapture capture = new LogCapture(logs)) {
            RestConfig.apply(Map.of("max_headers", "200", "max_header_size", "100"));
            capture.await(Duration.ofSeconds(10), RestConfig.PID, "max_header_size=100", "must be 1024 to 1048576");
            RestConfig.apply(Map.of("max_headers", "0"));
            capture.await(Duration.ofSeconds(10), RestConfig.PID, "max_headers=0", "must be 1 to 1000");
        }
        assertThat(rest.get(server.url("/headers?count=150&size=10")).status()).isEqualTo(200);
        assertServed();
    }

    /**
     * Blocking and asynchronous: -10, the message naming the limits; curl_timeout's -3 would mean the
     * headers were read until the time ran out.
     */
    private void assertRefused(String url, String why) throws Exception {
        RestException blocking = null;
        try {
            rest.get(url);
        } catch (RestException expected) {
            blocking = expected;
        }
        assertThat(blocking).as(url + " answered").isNotNull();
        assertThat(blocking.code()).as(blocking.getMessage()).isEqualTo(RestException.INTERNAL);
        assertThat(blocking.getMessage()).contains("max_header_size", "max_headers", why);
        CompletableFuture<RestResponse> async = rest.getAsync(url).toCompletableFuture();
        Throwable failure = async.handle((response, error) -> error).get(30, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(RestException.class);
        assertThat(((RestException) failure).code()).isEqualTo(RestException.INTERNAL);
    }
}
