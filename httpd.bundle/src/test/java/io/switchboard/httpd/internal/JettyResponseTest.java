package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiHistogram;
import io.switchboard.support.testing.FakeReference;

/**
 * The response's phases and the transitions that end it, on a real Jetty server on loopback: each
 * test's handler drives one {@link JettyResponse} as httpd's dispatcher would.
 */
@Timeout(30)
class JettyResponseTest {
    private static final String ROOT = "test";

    private interface Scenario {
        void run(JettyRequest request, JettyResponse response) throws Exception;
    }

    private final Server server = new Server();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RootCounters counters = new RootStatistics().of(ROOT);
    private final Exchanges exchanges = new Exchanges();
    private final RootEntry entry = new RootEntry(FakeReference.of(Map.of("service.id", 7L, RootHandler.ROOT, ROOT)),
            (request, response) -> { }, ROOT);
    /** Each response the server made, as soon as its handler has it. */
    private final BlockingQueue<JettyResponse> responses = new LinkedBlockingQueue<>();
    /** Each response deferred, once its handler's defer() returned. */
    private final BlockingQueue<JettyResponse> deferred = new LinkedBlockingQueue<>();
    /** What the scenarios threw, or saw thrown. */
    private final BlockingQueue<Throwable> thrown = new LinkedBlockingQueue<>();
    private volatile HttpdSettings settings;
    private volatile Scenario scenario;
    private int port;

    @BeforeEach
    void start() throws Exception {
        settings = TestSettings.of(Map.of());
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                HttpdSettings current = settings;
                RequestBody body = new RequestBody(request, ROOT, current);
                JettyResponse answer = new JettyResponse(request, response, callback, entry, exchanges, current,
                        counters, body, System.nanoTime());
                responses.add(answer);
                try {
                    scenario.run(new JettyRequest(request, ROOT, RequestPath.parse(request.getHttpURI().getPath()),
                            current, body, answer), answer);
                } catch (Exception failed) {
                    thrown.add(failed);
                    answer.answer(500, "Internal Server Error", false);
                }
                answer.handlerReturned();
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aResponseTheHandlerDidNotDeferIsCompleteWhenItReturns() throws Exception {
        scenario = (request, response) -> response.status(201).output().write("hello".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> got = get();

        assertThat(got.statusCode()).isEqualTo(201);
        assertThat(got.body()).isEqualTo("hello");
        assertThat(responses.take().phase()).isEqualTo(JettyResponse.Phase.ENDED);
        assertThat(counters.value(2)).as("2xx").isEqualTo(1);
        assertThat(counters.value(7)).as("bytes out").isEqualTo(5);
    }

    @Test
    void onlyTheFirstTransitionEndsTheResponseAndItIsCountedOnce() throws Exception {
        scenario = (request, response) -> {
            response.send(200, "text/plain", "first");
            response.answer(503, "too late", false);
            response.abort(new IOException("too late"));
            response.complete();
        };

        HttpResponse<String> got = get();

        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("first");
        assertThat(counters.value(2) + counters.value(5)).as("responses counted").isEqualTo(1);
        assertThat(counters.latency().snapshot().count()).as("latencies recorded").isEqualTo(1);
    }

    @Test
    void httpdsAnswerReplacesWhatTheHandlerBuffered() throws Exception {
        scenario = (request, response) -> {
            response.output().write("half of it".getBytes(StandardCharsets.UTF_8));
            response.answer(500, "Internal Server Error", false);
        };

        HttpResponse<String> got = get();

        assertThat(got.statusCode()).isEqualTo(500);
        assertThat(got.body()).isEqualTo("Internal Server Error\n");
        assertThat(got.headers().firstValue("connection")).isEmpty();
        assertThat(counters.value(7)).as("bytes out: the answer only").isEqualTo(22);
    }

    @Test
    void aRefusalAsksTheClientToCloseTheConnection() throws Exception {
        scenario = (request, response) -> response.answer(413, "Payload Too Large", true);

        HttpResponse<String> got = get();

        assertThat(got.statusCode()).isEqualTo(413);
        assertThat(got.headers().firstValue("connection")).hasValue("close");
    }

    @Test
    void anAnswerOnceTheResponseIsCommittedAbortsTheExchange() throws Exception {
        scenario = (request, response) -> {
            OutputStream out = response.output();
            out.write("the first part".getBytes(StandardCharsets.UTF_8));
            out.flush();
            response.answer(500, "Internal Server Error", false);
        };

        assertThatThrownBy(this::get).as("a cut-off body is not taken for a whole one").isInstanceOf(IOException.class);
        assertThat(responses.take().completed()).isTrue();
    }

    @Test
    void aDeferredResponseStaysOpenAfterHandleReturnsUntilTheHandlerCompletesIt() throws Exception {
        scenario = this::defer;
        var pending = client.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
        JettyResponse open = deferred.take();
        assertThat(open.phase()).isEqualTo(JettyResponse.Phase.DEFERRED);
        assertThat(exchanges.awaitCompleted(System.nanoTime())).as("one of the handler's open responses").isFalse();

        open.send(202, "text/plain", "later");

        HttpResponse<String> got = pending.get(10, TimeUnit.SECONDS);
        assertThat(got.statusCode()).isEqualTo(202);
        assertThat(got.body()).isEqualTo("later");
        assertThat(exchanges.awaitCompleted(System.nanoTime())).as("no longer open").isTrue();
    }

    @Test
    void aDeferredResponsesLatencyRunsToItsEndNotToTheReturnOfHandle() throws Exception {
        scenario = this::defer;
        var pending = client.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
        JettyResponse open = deferred.take();
        long deferredSince = System.nanoTime();
        assertThat(counters.latency().snapshot().count()).as("nothing recorded while the response is open").isZero();

        long openFor = System.nanoTime() - deferredSince;
        open.send(200, "text/plain", "later");

        assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        MiHistogram latency = counters.latency().snapshot();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.sum()).as("at least as long as the response was open").isGreaterThanOrEqualTo(openFor / 1e9);
    }

    @Test
    void aDeferredResponseLeftOpenIsAnswered504AfterAsyncTimeout() throws Exception {
        settings = TestSettings.of(Map.of("async_timeout", 200));
        scenario = (request, response) -> response.defer();

        HttpResponse<String> got = get();

        assertThat(got.statusCode()).isEqualTo(504);
        assertThat(got.body()).contains("within 200 ms");
        assertThat(exchanges.awaitCompleted(System.nanoTime())).isTrue();
        MiHistogram latency = counters.latency().snapshot();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(observationsBelow(latency, 0.2)).as("no observation in a bucket below async_timeout").isZero();
    }

    @Test
    void deferringAnEndedResponseIsRefused() throws Exception {
        scenario = (request, response) -> {
            response.send(200, "text/plain", "done");
            try {
                response.defer();
            } catch (IllegalStateException refused) {
                thrown.add(refused);
            }
        };

        assertThat(get().statusCode()).isEqualTo(200);
        assertThat(thrown.take()).isInstanceOf(IllegalStateException.class).hasMessageContaining("already completed");
    }

    @Test
    void deferredResponsesOfAHandlerThatLeftAreAnswered503() throws Exception {
        scenario = this::defer;
        var pending = client.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
        deferred.take();

        exchanges.abandon("the handler of root test went away");

        HttpResponse<String> got = pending.get(10, TimeUnit.SECONDS);
        assertThat(got.statusCode()).isEqualTo(503);
        assertThat(got.body()).isEqualTo("the handler of root test went away\n");
    }

    @Test
    void aStopDoesNotWaitForAHandlerStuckWritingToAClientThatDoesNotRead() throws Exception {
        BlockingQueue<Thread> writers = new LinkedBlockingQueue<>();
        scenario = (request, response) -> {
            writers.add(Thread.currentThread());
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = response.output();
            try {
                while (true) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException failed) {
                thrown.add(failed);
            }
        };
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", port));
            slow.getOutputStream().write(("GET /test HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            JettyResponse stuck = responses.take();
            Thread writer = writers.take();
            // Blocked in a write once the socket's buffers are full: parked on Jetty's blocker.
            awaitFact(() -> writer.getState() == Thread.State.WAITING || writer.getState() == Thread.State.TIMED_WAITING);

            stuck.answerWithoutWaiting(503, "httpd is stopping");

            assertThat(stuck.completed()).isTrue();
            assertThat(thrown.take()).as("the handler's write fails").isInstanceOf(IOException.class);
            InputStream in = slow.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }
    }

    private void defer(JettyRequest request, JettyResponse response) {
        response.defer();
        deferred.add(response);
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        return client.send(request(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + ROOT)).build();
    }

    /** @return the observations in the buckets whose upper bound is below {@code seconds} */
    static long observationsBelow(MiHistogram histogram, double seconds) {
        long below = 0;
        double[] bounds = histogram.upperBounds();
        for (int i = 0; i < bounds.length && bounds[i] < seconds; i++) {
            below += histogram.counts()[i];
        }
        return below;
    }

    private static void awaitFact(BooleanSupplier fact) {
        while (!fact.getAsBoolean()) {
            // Bounded by the class's @Timeout.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
