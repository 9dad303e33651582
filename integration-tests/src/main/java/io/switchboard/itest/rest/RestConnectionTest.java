package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.LogCapture;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * Connections as the server counts them: reuse, Connection: close, the stale pooled connection,
 * curl_conn_lifetime, enable_expect_100 and no_concurrent_connects.
 */
class RestConnectionTest extends RestServerTestBase {
    @InjectService
    LogReaderService logs;

    @Test
    void oneConnectionCarriesManySequentialRequests() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        }
        assertThat(rest.getAsync(server.url("/echo")).toCompletableFuture().get(10, TimeUnit.SECONDS).status())
                .isEqualTo(200);
        assertThat(server.requests).hasValue(21);
        assertThat(server.connections).hasSize(1);
    }

    @Test
    void connectionCloseFromTheServerIsHonoured() throws Exception {
        for (int i = 0; i < 3; i++) {
            RestResponse closing = rest.get(server.url("/close"));
            assertThat(closing.headers().get("Connection")).containsExactly("close");
        }
        // A POST is never retried: had the client reused the closed connection, it would fail.
        assertThat(rest.post(server.url("/echo"), "after", "text/plain").bodyText()).endsWith("|after");
        assertThat(server.connections).hasSize(4);
        assertThat(server.requests).hasValue(4);
    }

    @Test
    void anIdempotentRequestMeetingAConnectionTheServerDroppedIsRetriedOnceOnANewOne() throws Exception {
        assertThat(rest.get(server.url("/once-per-connection")).bodyText()).startsWith("first on ");
        // The pooled connection is dropped under this GET; its retry opens a second one.
        assertThat(rest.get(server.url("/once-per-connection")).bodyText()).startsWith("first on ");
        assertThat(server.requests).as("requests on " + server.connections).hasValue(3);
        assertThat(server.connections).hasSize(2);
    }

    @Test
    void aPostMeetingAConnectionTheServerDroppedIsNotRetried() throws Exception {
        assertThat(rest.get(server.url("/once-per-connection")).status()).isEqualTo(200);
        RestException dropped = catchThrowableOfType(() -> rest.post(server.url("/once-per-connection"), "x", null),
                RestException.class);
        assertThat(dropped.code()).isEqualTo(RestException.INTERNAL);
        assertThat(dropped.partial().status()).isZero();
        assertThat(server.requests).hasValue(2);
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
    }

    @Test
    void curlConnLifetimeEndsPooledConnections() throws Exception {
        rest.get(server.url("/echo"));
        // A connection ages while it carries a response: this one 1.5 s, past the lifetime tried below.
        assertThat(rest.get(server.url("/slow?ms=1500")).bodyText()).isEqualTo("slow");
        rest.get(server.url("/echo"));
        assertThat(server.connections).as("no lifetime: a connection 1.5 s old is reused").hasSize(1);

        RestConfig.apply(Map.of("curl_conn_lifetime", "1"));
        long opened = System.nanoTime();
        rest.get(server.url("/echo"));
        rest.get(server.url("/echo"));
        assertThat(server.connections).as("within its lifetime the new client's connection is reused").hasSize(2);
        Configs.await("a new connection once the pooled one is past its lifetime", Duration.ofSeconds(10), () -> {
            rest.get(server.url("/echo"));
            return server.connections.size() > 2;
        });
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("not before its lifetime")
                .isGreaterThan(Duration.ofMillis(900));
        assertThat(server.connections).as("replaced once").hasSize(3);
    }

    @Test
    void expect100ContinueOnlyWhenEnabledAndForBodiesOver1024Bytes() throws Exception {
        String large = "x".repeat(2000);
        assertThat(rest.post(server.url("/expect"), large, null).bodyText()).isEqualTo("null|2000");
        RestConfig.apply(Map.of("enable_expect_100", "true"));
        assertThat(rest.post(server.url("/expect"), large, null).bodyText()).isEqualTo("100-continue|2000");
        assertThat(rest.put(server.url("/expect"), "x".repeat(1025), null).bodyText()).isEqualTo("100-continue|1025");
        assertThat(rest.post(server.url("/expect"), "x".repeat(1024), null).bodyText()).isEqualTo("null|1024");
    }

    @Test
    void aSecondConnectToAHostBeingConnectedToFailsAtOnceWithMinusFour() throws Exception {
        rest.get(server.url("/echo")); // a pooled connection to 127.0.0.1, port of the test server
        try (FullBacklog full = new FullBacklog()) {
            String hanging = "http://127.0.0.1:" + full.port() + "/";
            RestConfig.apply(Map.of("no_concurrent_connects", "true", "connection_timeout", "2"));
            rest.get(server.url("/echo")); // the new client's pooled connection

            // Two connects at once: whichever comes second is refused at once, the other waits out its timeout.
            long start = System.nanoTime();
            CompletableFuture<RestResponse> one = rest.getAsync(hanging).toCompletableFuture();
            CompletableFuture<RestResponse> two = rest.getAsync(hanging).toCompletableFuture();
            CompletableFuture.anyOf(one, two).exceptionally(failure -> null).get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            CompletableFuture<RestResponse> refused = one.isDone() ? one : two;
            CompletableFuture<RestResponse> connecting = refused == one ? two : one;
            assertThat(code(refused)).isEqualTo(RestException.ALREADY_CONNECTING);
            // Same host name, but a pooled connection serves it: no connect, no refusal.
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
            assertThat(connecting).as("the first connect still under way").isNotDone();
            assertThat(code(connecting)).isEqualTo(RestException.CONNECT_TIMEOUT);

            RestConfig.apply(Map.of("connection_timeout", "1"));
            CompletableFuture<RestResponse> first = rest.getAsync(hanging).toCompletableFuture();
            CompletableFuture<RestResponse> second = rest.getAsync(hanging).toCompletableFuture();
            assertThat(code(first)).as("without no_concurrent_connects both connects wait")
                    .isEqualTo(RestException.CONNECT_TIMEOUT);
            assertThat(code(second)).isEqualTo(RestException.CONNECT_TIMEOUT);
        }
    }

    @Test
    void aConnectPollIntervalOutOfRangeIsRefusedByName() throws Exception {
        try (LogCapture capture = new LogCapture(logs)) {
            RestConfig.apply(Map.of("connect_poll_interval", "0"));
            capture.await(Duration.ofSeconds(10), RestConfig.PID, "connect_poll_interval=0", "1 to 1000",
                    "previous configuration stays");
        }
        assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
    }

    private static int code(CompletableFuture<RestResponse> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException failed) {
            return ((RestException) failed.getCause()).code();
        }
    }
}
