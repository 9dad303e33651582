package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.itest.Configs;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestRequest;
import io.switchboard.rest.RestResponse;

/**
 * What callers and failing hosts must not break: calls a caller abandons give their slot back,
 * thousands of calls failing at once neither overflow a stack nor lose slots, a connect that times
 * out reports -2 even when curl_timeout runs out at the same moment, and a builder used again does
 * not change a request waiting for its slot.
 */
class RestResilienceTest extends RestServerTestBase {
    @Test
    void callsTheCallerCancelledOrTimedOutGiveTheirSlotsBack() throws Exception {
        RestConfig.apply(Map.of("max_async_transfers", "5"));
        List<CompletableFuture<RestResponse>> cancelled = new ArrayList<>();
        List<CompletableFuture<RestResponse>> timedOut = new ArrayList<>();
        int before = server.requests.get();
        for (int i = 0; i < 25; i++) {
            cancelled.add(rest.getAsync(server.url("/stall")).toCompletableFuture());
            timedOut.add(rest.getAsync(server.url("/stall")).toCompletableFuture().orTimeout(200, TimeUnit.MILLISECONDS));
        }
        Configs.await("the first five calls reach the server and stall there", Duration.ofSeconds(10),
                () -> server.requests.get() - before >= 5);
        cancelled.forEach(call -> call.cancel(true));
        for (CompletableFuture<RestResponse> call : timedOut) {
            assertThat(call.handle((response, failure) -> failure).get(5, TimeUnit.SECONDS)).isNotNull();
        }
        // /stall holds its requests for 10 s, curl_timeout is 20 s: only giving the slots back lets these run.
        List<CompletableFuture<RestResponse>> next = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            next.add(rest.getAsync(server.url("/echo")).toCompletableFuture());
        }
        for (CompletableFuture<RestResponse> call : next) {
            assertThat(call.get(3, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void twoThousandCallsFailingAtOnceAllEndWithTheirCodeAndFreeTheirSlots() throws Exception {
        try (FullBacklog full = new FullBacklog()) {
            // 127.0.0.1 for the test server, localhost for the listener: no_concurrent_connects goes by name.
            String hanging = "http://localhost:" + full.port() + "/";
            RestConfig.apply(Map.of("max_async_transfers", "2", "no_concurrent_connects", "true",
                    "connection_timeout", "5", "curl_timeout", "30"));
            CompletableFuture<RestResponse> connecting = rest.getAsync(hanging).toCompletableFuture();
            CompletableFuture<RestResponse> slow = rest.getAsync(server.url("/slow?ms=1500")).toCompletableFuture();
            List<CompletableFuture<RestResponse>> refused = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                refused.add(rest.getAsync(hanging).toCompletableFuture());
            }
            assertThat(slow.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("slow");
            for (CompletableFuture<RestResponse> call : refused) {
                assertThat(code(call)).isEqualTo(RestException.ALREADY_CONNECTING);
            }
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
            assertThat(code(connecting)).isEqualTo(RestException.CONNECT_TIMEOUT);
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        }
    }

    @Test
    void aConnectThatNeverCompletesIsMinusTwoWithEqualTimeouts() throws Exception {
        RestConfig.apply(Map.of("curl_timeout", "1", "connection_timeout", "1"));
        try (FullBacklog full = new FullBacklog()) {
            RestException timeout = catchRest(() -> rest.get("http://127.0.0.1:" + full.port() + "/"));
            assertThat(timeout.code()).as(timeout.getMessage()).isEqualTo(RestException.CONNECT_TIMEOUT);
        }
    }

    /** The kernel completes the TCP handshake for the backlog; nobody ever answers the TLS ClientHello. */
    @Test
    void aStalledTlsHandshakeIsMinusTwoWithEqualTimeouts() throws Exception {
        RestConfig.apply(Map.of("curl_timeout", "1", "connection_timeout", "1"));
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            RestException timeout = catchRest(() -> rest.get("https://127.0.0.1:" + silent.getLocalPort() + "/"));
            assertThat(timeout.code()).as(timeout.getMessage()).isEqualTo(RestException.CONNECT_TIMEOUT);
        }
    }

    @Test
    void aBuilderUsedAgainDoesNotChangeARequestWaitingForItsSlot() throws Exception {
        RestConfig.apply(Map.of("max_async_transfers", "1"));
        CompletableFuture<RestResponse> holding = rest.getAsync(server.url("/slow?ms=500")).toCompletableFuture();
        RestRequest builder = rest.request("POST", server.url("/echo")).header("X-Test: first").body("first",
                "text/plain");
        CompletableFuture<RestResponse> queued = builder.sendAsync().toCompletableFuture();
        builder.body("second", "application/json");
        assertThat(queued.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("POST|first|text/plain|first");
        assertThat(holding.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
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

    private static int code(CompletableFuture<RestResponse> call) throws Exception {
        return ((RestException) call.handle((response, failure) -> failure).get(15, TimeUnit.SECONDS)).code();
    }
}
