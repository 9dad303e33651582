package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Counters;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * Statistics group {@code rest}: each counter moves by exactly the calls made to a loopback server,
 * and no other counter moves; the gauges follow the calls held at the server and those waiting for a
 * {@code max_async_transfers} slot, and go back to zero.
 */
class RestStatisticsTest extends RestServerTestBase {

    @Test
    void everyCallCountsByMethodOutcomeStatusClassAndBodyBytes() throws Exception {
        Counters counters = Counters.watch("rest");
        List<RestResponse> responses = new ArrayList<>();
        responses.add(rest.get(server.url("/echo")));
        responses.add(rest.getAsync(server.url("/big")).toCompletableFuture().get(10, TimeUnit.SECONDS));
        responses.add(rest.post(server.url("/echo"), "a=1", null));
        responses.add(rest.put(server.url("/echo"), "{\"n\":2}", "application/json"));
        responses.add(rest.patch(server.url("/echo"), "p", "text/plain"));
        responses.add(rest.delete(server.url("/echo")));
        responses.add(rest.head(server.url("/echo")));
        responses.add(rest.request("OPTIONS", server.url("/echo")).send());
        for (int status : new int[] { 302, 404, 410, 503 }) {
            responses.add(rest.get(server.url("/redirect?to=/echo&status=" + status)));
        }
        assertThat(responses).extracting(RestResponse::status).containsExactly(200, 200, 200, 200, 200, 200, 200,
                200, 302, 404, 410, 503);
        long bytesIn = responses.stream().mapToLong(response -> response.body().length).sum();
        assertThat(bytesIn).isGreaterThan(100 * 1024);
        counters.awaitMoved("get_requests", 6, "post_requests", 1, "put_requests", 1, "patch_requests", 1,
                "delete_requests", 1, "head_requests", 1, "other_requests", 1, "outcome_ok", 12, "2xx", 8, "3xx", 1,
                "4xx", 2, "5xx", 1, "bytes_in", bytesIn, "bytes_out", "a=1".length() + "{\"n\":2}".length() + 1);
    }

    @Test
    void eachFailureCountsUnderItsReturnCodeWithTheBytesThatArrived() throws Exception {
        Counters counters = Counters.watch("rest");
        RestException refused = catchRest(() -> rest.get("http://127.0.0.1:" + Loopback.freePort() + "/"));
        assertThat(refused.code()).isEqualTo(RestException.REFUSED);
        try (FullBacklog full = new FullBacklog()) {
            RestException connect = catchRest(() -> rest.request("GET", "http://127.0.0.1:" + full.port() + "/")
                    .connectTimeout(Duration.ofMillis(300)).timeout(Duration.ofSeconds(5)).send());
            assertThat(connect.code()).isEqualTo(RestException.CONNECT_TIMEOUT);
        }
        RestException stalled = catchRest(() -> rest.request("GET", server.url("/stall"))
                .timeout(Duration.ofMillis(500)).send());
        assertThat(stalled.code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(stalled.partial().bodyText()).isEqualTo("partial");
        RestException badUrl = catchRest(() -> rest.post("ftp://127.0.0.1/x", "never sent", null));
        assertThat(badUrl.code()).isEqualTo(RestException.INTERNAL);
        counters.awaitMoved("get_requests", 3, "post_requests", 1, "outcome_refused", 1, "outcome_connect_timeout", 1,
                "outcome_transfer_timeout", 1, "outcome_internal", 1, "bytes_in", "partial".length());

        RestConfig.apply(Map.of("max_transfer_size", "16"));
        counters.restart();
        RestException tooLarge = catchRest(() -> rest.get(server.url("/big")));
        assertThat(tooLarge.code()).isEqualTo(RestException.INTERNAL);
        assertThat(tooLarge.partial().body().length).isPositive();
        counters.awaitMoved("get_requests", 1, "outcome_internal", 1, "bytes_in", tooLarge.partial().body().length);
    }

    @Test
    void aSecondConnectToAHostBeingConnectedToCountsAsAlreadyConnecting() throws Exception {
        try (FullBacklog full = new FullBacklog()) {
            RestConfig.apply(Map.of("no_concurrent_connects", "true", "connection_timeout", "1"));
            Counters counters = Counters.watch("rest");
            String hanging = "http://127.0.0.1:" + full.port() + "/";
            CompletableFuture<RestResponse> one = rest.getAsync(hanging).toCompletableFuture();
            CompletableFuture<RestResponse> two = rest.getAsync(hanging).toCompletableFuture();
            assertThat(List.of(code(one), code(two))).containsExactlyInAnyOrder(RestException.ALREADY_CONNECTING,
                    RestException.CONNECT_TIMEOUT);
            counters.awaitMoved("get_requests", 2, "outcome_already_connecting", 1, "outcome_connect_timeout", 1);
        }
    }

    /**
     * Five calls, two slots: two at the server, held there, and three in line. {@code get_statistics}
     * shows the levels; {@code reset_statistics} leaves them as they are; they fall to zero as the
     * calls end.
     */
    @Test
    void callsInFlightAndWaitingForASlotAreGaugesThatRiseAndFall() throws Exception {
        RestConfig.apply(Map.of("max_async_transfers", "2"));
        Counters counters = Counters.watch("rest");
        counters.awaitGauges("in_flight", 0, "waiting", 0);
        List<CompletableFuture<RestResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(rest.getAsync(server.url("/held")).toCompletableFuture());
        }
        Configs.await("two calls held at the server", Duration.ofSeconds(10), () -> server.held.get() == 2);
        counters.awaitGauges("in_flight", 2, "waiting", 3);
        JsonNode shown = statistics("get_statistics");
        assertThat(shown.path("rest:in_flight").asLong()).isEqualTo(2);
        assertThat(shown.path("rest:waiting").asLong()).isEqualTo(3);
        assertThat(shown.path("rest:get_requests").asLong()).isGreaterThanOrEqualTo(5);

        statistics("reset_statistics");
        JsonNode reset = statistics("get_statistics");
        assertThat(reset.path("rest:get_requests").asLong()).isZero();
        assertThat(reset.path("rest:in_flight").asLong()).isEqualTo(2);
        assertThat(reset.path("rest:waiting").asLong()).isEqualTo(3);

        counters.restart();
        server.releaseHeld();
        for (CompletableFuture<RestResponse> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("held");
        }
        counters.awaitGauges("in_flight", 0, "waiting", 0);
        counters.awaitMoved("outcome_ok", 5, "2xx", 5, "bytes_in", 5 * "held".length());
    }

    /** @return the result of {@code command} over the MI for the whole group {@code rest} */
    private static JsonNode statistics(String command) throws Exception {
        JsonNode answer = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"" + command
                + "\",\"params\":{\"statistics\":[\"rest:\"]},\"id\":1}");
        assertThat(answer.has("result")).as(answer.toString()).isTrue();
        return answer.get("result");
    }

    private interface Call {
        Object send() throws Exception;
    }

    private static RestException catchRest(Call call) {
        RestException failure = catchThrowableOfType(call::send, RestException.class);
        assertThat(failure).as("the call failed with a RestException").isNotNull();
        return failure;
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
