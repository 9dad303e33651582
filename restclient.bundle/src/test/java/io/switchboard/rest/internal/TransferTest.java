package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;
import io.switchboard.support.log.RateLimitedLog;

/**
 * A transfer's curl_timeout and the code it ends with, as rest_client defines them: -2 while the
 * connection (TLS handshake included) is not up, -3 after, with what arrived. The time is the test's,
 * one slot ({@code max_async_transfers=1}) is shared, HttpClient is a {@link FakeHttpClient} the test
 * plays, and the starter threads, the deadline sweep and the background thread run when the test says.
 */
class TransferTest {
    private static final String URL = "http://upstream.test/resource";
    /** Needs no lookup: sent on the caller's thread when a slot is free. */
    private static final String ADDRESS = "http://127.0.0.1:8080/resource";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(20);
    private static final RestSettings SETTINGS = new RestSettings(LONG, LONG, Duration.ofMillis(20), 1,
            10L * 1024 * 1024, true, true, null, 0, false, false, null, FollowRedirects.OFF, 8192, 100,
            List.of(1.0));

    private long now;
    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    private final Deadlines deadlines = new Deadlines(() -> now);
    private final ArrayDeque<Runnable> starter = new ArrayDeque<>();
    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final FakeHttpClient http = new FakeHttpClient();
    private final RestStatistics statistics = new RestStatistics();
    private final PooledClient client = new PooledClient(SETTINGS, new TlsDomainSettings(null, null, true),
            new ServiceResources(new TransferLimit(1, starter::add), ConcurrentHashMap.newKeySet(), deadlines,
                    Runnable::run, ConcurrentHashMap.newKeySet(),
                    new RateLimitedLog(LoggerFactory.getLogger(TransferTest.class), "REST failure"), background::add,
                    statistics, new ResolvedNames(new TestLookups(), LONG, () -> now)),
            http, new ReactorFailures());

    @Test
    void aRequestStillWaitingForItsSlotWhenCurlTimeoutPassesFailsWithMinusThreeAndIsNeverSent() throws Exception {
        CompletableFuture<RestResponse> first = send(LONG);
        http.exchange(0).connectionUp();
        CompletableFuture<RestResponse> waiting = send(ONE_SECOND);
        assertThat(http.exchanges).as("the one slot is taken").hasSize(1);
        assertThat(statistics.values()).containsEntry("in_flight", 1L).containsEntry("waiting", 1L);

        sweepAt(millis(999));
        assertThat(waiting).isNotDone();
        sweepAt(millis(1000));
        RestException timedOut = failure(waiting);
        assertThat(timedOut.code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(timedOut.partial().status()).as("no reply arrived").isZero();
        assertThat(timedOut.getMessage()).contains("transfer from " + URL, "within 1000 ms");
        assertThat(statistics.values()).containsEntry("in_flight", 1L).containsEntry("waiting", 0L)
                .containsEntry("outcome_transfer_timeout", 1L).containsEntry("outcome_ok", 0L);

        http.exchange(0).respond(200, "first").finish();
        runStarts();
        assertThat(first.join().bodyText()).isEqualTo("first");
        assertThat(http.exchanges).as("the slot it waited for went unused").hasSize(1);
        assertThat(statistics.values()).containsEntry("outcome_ok", 1L).containsEntry("2xx", 1L)
                .containsEntry("bytes_in", 5L);
        assertEverythingGivenBack();
    }

    @Test
    void curlTimeoutRunsFromTheCallNotFromTheStart() throws Exception {
        send(LONG);
        http.exchange(0).connectionUp();
        CompletableFuture<RestResponse> waited = send(ONE_SECOND);
        now = millis(600);
        http.exchange(0).respond(200, "first").finish();
        runStarts();
        assertThat(http.exchanges).as("started 600 ms after the call").hasSize(2);
        http.exchange(1).connectionUp();

        sweepAt(millis(999));
        assertThat(waited).isNotDone();
        sweepAt(millis(1000));
        assertThat(failure(waited).code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(http.exchange(1).future.isCancelled()).as("HttpClient's exchange stopped").isTrue();
        assertEverythingGivenBack();
    }

    @Test
    void curlTimeoutPassingBeforeTheConnectionIsUpIsMinusTwo() throws Exception {
        CompletableFuture<RestResponse> connecting = send(ONE_SECOND);
        sweepAt(millis(999));
        assertThat(connecting).isNotDone();
        sweepAt(millis(1000));
        RestException timedOut = failure(connecting);
        assertThat(timedOut.code()).isEqualTo(RestException.CONNECT_TIMEOUT);
        assertThat(timedOut.partial()).isNull();
        assertThat(timedOut.getMessage()).contains("connecting to " + URL, "within 1000 ms");
        assertThat(http.exchange(0).future.isCancelled()).isTrue();

        send(LONG);
        assertThat(http.exchanges).as("the slot is free again").hasSize(2);
    }

    @Test
    void curlTimeoutPassingAfterTheConnectionIsUpIsMinusThreeWithWhatArrived() throws Exception {
        CompletableFuture<RestResponse> reading = send(ONE_SECOND);
        http.exchange(0).connectionUp();
        http.exchange(0).respond(200, "half a bo");
        sweepAt(millis(1000));
        RestException timedOut = failure(reading);
        assertThat(timedOut.code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(timedOut.partial().status()).isEqualTo(200);
        assertThat(timedOut.partial().bodyText()).isEqualTo("half a bo");
        assertEverythingGivenBack();
    }

    /** The starters ran late: a request whose deadline came before its start is not handed to HttpClient. */
    @Test
    void aStartAfterTheDeadlineFailsWithMinusThreeAndSendsNothing() throws Exception {
        CompletableFuture<RestResponse> late = queue(ONE_SECOND);
        now = millis(1000);
        runStarts();
        assertThat(failure(late).code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(http.exchanges).isEmpty();

        send(LONG);
        assertThat(http.exchanges).as("the slot is free again").hasSize(1);
    }

    /** HttpClient's own response timeout may come first: a stalled TLS handshake ends that way. */
    @Test
    void httpClientsTimeoutIsMinusTwoBeforeTheConnectionIsUpAndMinusThreeAfter() throws Exception {
        CompletableFuture<RestResponse> handshaking = send(LONG);
        http.exchange(0).future.failed(new SocketTimeoutException("handshake stalled"));
        RestException connect = failure(handshaking);
        assertThat(connect.code()).isEqualTo(RestException.CONNECT_TIMEOUT);
        assertThat(connect.partial()).isNull();

        CompletableFuture<RestResponse> reading = send(LONG);
        http.exchange(1).connectionUp();
        http.exchange(1).respond(200, "part");
        http.exchange(1).future.failed(new SocketTimeoutException("read stalled"));
        RestException transfer = failure(reading);
        assertThat(transfer.code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(transfer.partial().bodyText()).isEqualTo("part");
        assertEverythingGivenBack();
    }

    @Test
    void aTransferThatEndedBeforeItsDeadlineLeavesIt() throws Exception {
        CompletableFuture<RestResponse> quick = send(ONE_SECOND);
        http.exchange(0).connectionUp();
        http.exchange(0).respond(200, "done").finish();
        assertThat(quick.join().status()).isEqualTo(200);
        assertThat(deadlines.size()).isZero();
        sweepAt(millis(5000));
        assertThat(http.exchange(0).future.isCancelled()).isFalse();
        assertEverythingGivenBack();
    }

    /** orTimeout or cancel on the caller's future: the exchange stops, off the caller's thread, and the deadline goes. */
    @Test
    void aCallerThatGivesUpStopsTheTransferInTheBackgroundAndItsDeadlineGoes() throws Exception {
        CompletableFuture<RestResponse> call = send(ONE_SECOND);
        call.cancel(true);
        assertThat(http.exchange(0).future.isCancelled()).as("not on the caller's thread").isFalse();
        runBackground();
        assertThat(http.exchange(0).future.isCancelled()).isTrue();
        assertThat(deadlines.size()).isZero();
        assertEverythingGivenBack();
    }

    @Test
    void aRequestToAnAddressIsSentOnTheCallersThreadWhileItsHostNameWaitsForAStarter() throws Exception {
        CompletableFuture<RestResponse> direct = queue(ADDRESS, LONG);
        assertThat(http.exchanges).as("sent before the call returned").hasSize(1);
        assertThat(starter).isEmpty();
        http.exchange(0).connectionUp();
        http.exchange(0).respond(200, "direct").finish();
        assertThat(direct.join().bodyText()).isEqualTo("direct");

        CompletableFuture<RestResponse> named = queue(LONG);
        assertThat(http.exchanges).as("upstream.test was never looked up: a starter sends it").hasSize(1);
        runStarts();
        assertThat(http.exchanges).hasSize(2);
        http.exchange(1).connectionUp();
        http.exchange(1).respond(200, "named").finish();
        assertThat(named.join().bodyText()).isEqualTo("named");
        assertEverythingGivenBack();
    }

    @Test
    void aNameLookedUpByAStarterLetsTheNextRequestsToItStartOnTheCallersThread() throws Exception {
        CompletableFuture<RestResponse> first = queue(LONG);
        assertThat(http.exchanges).isEmpty();
        runStarts();
        assertThat(lookedUp).as("looked up by the starter, before HttpClient had the request").containsExactly(
                "upstream.test");
        http.exchange(0).connectionUp();
        http.exchange(0).respond(200, "first").finish();
        assertThat(first.join().bodyText()).isEqualTo("first");

        CompletableFuture<RestResponse> second = queue(LONG);
        assertThat(http.exchanges).as("sent before the call returned").hasSize(2);
        assertThat(starter).isEmpty();
        http.exchange(1).connectionUp();
        http.exchange(1).respond(200, "second").finish();
        assertThat(second.join().bodyText()).isEqualTo("second");
        assertThat(lookedUp).as("kept: not looked up again").hasSize(1);
        assertEverythingGivenBack();
    }

    @Test
    void aRequestRefusedOnTheCallersThreadFailsItsCallerOnAnotherThread() throws Exception {
        http.refuseAtOnce = new IllegalStateException("refused at once");
        CompletableFuture<RestResponse> call = queue(ADDRESS, LONG);
        assertThat(call).as("a callback that called again would run inside this call").isNotDone();
        assertThat(statistics.values()).as("the slot is free already").containsEntry("in_flight", 0L);

        runBackground();
        assertThat(failure(call).code()).isEqualTo(RestException.INTERNAL);
        assertEverythingGivenBack();
    }

    @Test
    void anInterruptedCallerHandsItsRequestToAStarter() throws Exception {
        Thread.currentThread().interrupt();
        CompletableFuture<RestResponse> call;
        try {
            call = queue(ADDRESS, LONG);
        } finally {
            assertThat(Thread.interrupted()).as("its interrupt is left to it").isTrue();
        }
        assertThat(http.exchanges).as("HttpClient's pool would refuse a lease on an interrupted thread").isEmpty();
        runStarts();
        assertThat(http.exchanges).hasSize(1);
        http.exchange(0).connectionUp();
        http.exchange(0).respond(200, "started").finish();
        assertThat(call.join().bodyText()).isEqualTo("started");
        assertEverythingGivenBack();
    }

    /** Every name is 10.0.0.1; the lookups are counted. */
    private final class TestLookups implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            lookedUp.add(host);
            return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 1 }) };
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** Sends a request and runs the starts it leads to, as the starter threads would at once. */
    private CompletableFuture<RestResponse> send(Duration timeout) {
        CompletableFuture<RestResponse> call = queue(timeout);
        runStarts();
        return call;
    }

    private CompletableFuture<RestResponse> queue(Duration timeout) {
        return queue(URL, timeout);
    }

    private CompletableFuture<RestResponse> queue(String url, Duration timeout) {
        assertThat(client.users().enter()).isTrue();
        return client.start(new SentRequest("GET", url, URI.create(url), List.of(), null, null, timeout, null));
    }

    private void runStarts() {
        for (Runnable start = starter.poll(); start != null; start = starter.poll()) {
            start.run();
        }
    }

    private void runBackground() {
        for (Runnable task = background.poll(); task != null; task = background.poll()) {
            task.run();
        }
    }

    private void sweepAt(long nanoTime) {
        now = nanoTime;
        deadlines.sweep();
    }

    private static long millis(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    private static RestException failure(CompletableFuture<RestResponse> call) {
        assertThat(call).isCompletedExceptionally();
        Throwable failed = catchThrowable(call::join);
        assertThat(failed).isInstanceOf(CompletionException.class).cause().isInstanceOf(RestException.class);
        return (RestException) failed.getCause();
    }

    /** No deadline left, no call in flight or waiting, and no user: the client, retired, closes at once. */
    private void assertEverythingGivenBack() {
        runStarts();
        assertThat(deadlines.size()).as("deadlines left").isZero();
        assertThat(statistics.values()).containsEntry("in_flight", 0L).containsEntry("waiting", 0L);
        client.retire();
        assertThat(http.closed).as("the client closed: no request holds it").isTrue();
    }
}
