package io.switchboard.itest.xhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEvent;
import io.switchboard.xhttp.HttpEventHandler;

/** xhttp: the requests no httpd root claims, raised as events. */
class XhttpTest {
    private static final String PID = "switchboard.xhttp";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    int port;
    /**
     * A client of its own, held in a field: the shared one gives up connecting after 5 s, and an
     * HttpClient nothing references any more closes its connections while they still connect.
     */
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @AfterEach
    void restore() throws Exception {
        Events.restoreXhttpDefaults(context, port);
    }

    @Test
    void withoutHandlersUnknownRootsKeepHttpds404() throws Exception {
        HttpResponse<String> response = Loopback.get(port, "/nosuchroot");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no handler for root");
    }

    @Test
    void aHandlerGetsWhatNoRootClaims() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events.echo("h"));
        HttpResponse<String> response = Loopback.get(port, "/nosuchroot/x?y=%20");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("h|xhttp:request|GET|/nosuchroot/x?y=%20|HTTP/1.1");
    }

    @Test
    void theEventCarriesHeadersBodyAndPeer() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, event -> event.reply(201, "Created", "text/plain",
                event.header("x-test").orElse("-") + "|" + event.bodyText() + "|" + event.sourceAddress() + "|"
                        + (event.sourcePort() > 0)));
        String raw = Loopback.raw(port, "POST /ev HTTP/1.1\r\nHost: x\r\nX-Test: yes\r\nContent-Length: 4\r\n\r\nbody");
        assertThat(Loopback.status(raw)).isEqualTo(201);
        assertThat(raw).endsWith("yes|body|127.0.0.1|true");
    }

    @Test
    void urlSkipIsCheckedFirstAndWinsOverUrlMatch() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events.echo("h"));
        Configs.update(PID, Map.of("url_skip", "^/sip/RPC2", "url_match", "^/sip/"));
        Configs.await("url_match in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/other").statusCode() == 404);
        assertThat(Loopback.get(port, "/sip/x").statusCode()).isEqualTo(200);
        assertThat(Loopback.get(port, "/sip/RPC2").statusCode()).isEqualTo(404);
        assertThat(Loopback.get(port, "/RPC2").statusCode()).isEqualTo(404);

        Configs.update(PID, Map.of("url_skip", "^/RPC2"));
        Configs.await("url_skip alone in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/other").statusCode() == 200);
        assertThat(Loopback.get(port, "/RPC2/x").statusCode()).isEqualTo(404);
        assertThat(Loopback.get(port, "/sip/RPC2").statusCode()).isEqualTo(200);
    }

    /** A body left unread would be read as the next request on a kept-alive connection: it ends. */
    @Test
    void answersThatLeaveTheBodyUnreadCloseTheConnection() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events.echo("h"));
        Configs.update(PID, Map.of("url_skip", "^/skipped", "event_callback", "missing"));
        Configs.await("url_skip and event_callback=missing in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/skipped").statusCode() == 404
                        && Loopback.get(port, "/cb").statusCode() == 503);
        // The body is announced and only begun: the answer comes without waiting for the rest.
        String skipped = Loopback.raw(port, "POST /skipped HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nbody");
        assertThat(Loopback.status(skipped)).isEqualTo(404);
        assertThat(skipped.toLowerCase()).contains("\r\nconnection: close\r\n");
        String unhandled = Loopback.raw(port, "POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nbody");
        assertThat(Loopback.status(unhandled)).isEqualTo(503);
        assertThat(unhandled.toLowerCase()).contains("\r\nconnection: close\r\n");
        String bodiless = Loopback.raw(port, "GET /skipped HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(bodiless.toLowerCase()).as("nothing is left unread").doesNotContain("connection: close");
    }

    @Test
    void eventCallbackSelectsOneOfSeveralHandlers() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, "first", Events.echo("first"));
        Events.register(context, HttpEventHandler.XHTTP, "second", Events.echo("second"));
        assertThat(Loopback.get(port, "/cb").body()).startsWith("first|");
        Configs.update(PID, Map.of("event_callback", "second"));
        Configs.await("event_callback=second in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/cb").body().startsWith("second|"));
        Configs.update(PID, Map.of("event_callback", "missing"));
        Configs.await("event_callback=missing in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/cb").statusCode() == 503);
        assertThat(Loopback.get(port, "/cb").body()).contains("no handler named missing");
    }

    @Test
    void aHandlerThatNeverRepliesGets504() throws Exception {
        Configs.update(PID, Map.of("reply_timeout", "300"));
        Events.register(context, HttpEventHandler.XHTTP, null, event -> {
        });
        // Asked with a short client timeout: until reply_timeout=300 is in force, the old 20 s one holds the request.
        Configs.await("reply_timeout=300 in force", Duration.ofSeconds(20),
                () -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/silent"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 504);
    }

    @Test
    void badRepliesAreRefusedBeforeAnythingIsSent() throws Exception {
        BlockingQueue<String> thrown = new LinkedBlockingQueue<>();
        Events.register(context, HttpEventHandler.XHTTP, null, event -> {
            String kind = event.url().substring(1);
            try {
                switch (kind) {
                case "status99" -> event.reply(99, "Low", "text/plain", "x");
                case "status100" -> event.reply(100, "Continue", "text/plain", "x");
                case "status103" -> event.reply(103, "Early Hints", "text/plain", "x");
                case "status600" -> event.reply(600, "High", "text/plain", "x");
                case "reasonCRLF" -> event.reply(200, "OK\r\nX-Injected: 1", "text/plain", "x");
                case "typeLF" -> event.reply(200, "OK", "text/plain\nX-Injected: 1", "x");
                default -> {
                    event.reply(200, "OK", "text/plain", "once");
                    event.reply(200, "OK", "text/plain", "twice");
                }
                }
            } catch (RuntimeException refused) {
                thrown.add(kind + ":" + refused.getClass().getSimpleName());
            }
        });
        for (String kind : List.of("status99", "status100", "status103", "status600", "typeLF")) {
            HttpResponse<String> response = Loopback.get(port, "/" + kind);
            assertThat(response.statusCode()).as(kind).isEqualTo(500);
            assertThat(response.headers().firstValue("X-Injected")).isEmpty();
            assertThat(thrown.poll(5, TimeUnit.SECONDS)).isEqualTo(kind + ":IllegalArgumentException");
        }
        // The reason phrase is never sent (HTTP/1.1 clients ignore it, HTTP/2 has none): nothing to refuse.
        HttpResponse<String> reason = Loopback.get(port, "/reasonCRLF");
        assertThat(reason.statusCode()).isEqualTo(200);
        assertThat(reason.headers().firstValue("X-Injected")).isEmpty();
        HttpResponse<String> twice = Loopback.get(port, "/twice");
        assertThat(twice.body()).isEqualTo("once");
        assertThat(thrown.poll(5, TimeUnit.SECONDS)).isEqualTo("twice:IllegalStateException");
    }

    @Test
    void aBadRegexIsRefusedAndThePreviousConfigurationKeepsWorking() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events.echo("h"));
        Configs.update(PID, Map.of("url_match", "^/ok/"));
        Configs.await("url_match=^/ok/ in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/no").statusCode() == 404);
        try (LogCapture capture = new LogCapture(logs)) {
            Configs.update(PID, Map.of("url_match", "(unclosed"));
            capture.await(Duration.ofSeconds(10), PID, "url_match=(unclosed", "regular expression");
        }
        assertThat(Loopback.get(port, "/ok/x").statusCode()).isEqualTo(200);
        assertThat(Loopback.get(port, "/no").statusCode()).isEqualTo(404);
    }

    @Test
    void aThousandRequestsWaitOnAsynchronousRepliesWithAFarSmallerThreadPool() throws Exception {
        int threads = (Integer) context.getServiceReference(io.switchboard.httpd.HttpdRuntime.class)
                .getProperty(io.switchboard.httpd.HttpdRuntime.CONFIG_PREFIX + "max_threads");
        assertThat(threads).isLessThanOrEqualTo(64);
        BlockingQueue<HttpEvent> pending = new LinkedBlockingQueue<>();
        Events.register(context, HttpEventHandler.XHTTP, null, pending::add);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (i > 0 && i % 25 == 0) {
                // Connects in steps, each once the step before has reached its handler, so none waits on a
                // full accept backlog and a SYN retry.
                int arrived = i;
                Configs.await(arrived + " requests waiting", Duration.ofSeconds(30), () -> pending.size() >= arrived);
            }
            responses.add(client.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/pending/" + i)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.size() < 1000 && System.nanoTime() < deadline) {
            HttpEvent event = pending.poll(1, TimeUnit.SECONDS);
            if (event != null) {
                events.add(event);
            }
        }
        // All thousand are open at once on a pool of at most 64 threads: none was answered yet.
        assertThat(responses).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(events).hasSize(1000);
        assertThat(responses).noneMatch(CompletableFuture::isDone);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread replier = new Thread(() -> events.forEach(event -> event.reply(200, "OK", "text/plain", event.url())));
        replier.setUncaughtExceptionHandler((thread, error) -> failure.set(error));
        replier.start();
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> response = responses.get(i).get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("/pending/" + i);
        }
        replier.join(10_000);
        assertThat(failure.get()).isNull();
    }
}
