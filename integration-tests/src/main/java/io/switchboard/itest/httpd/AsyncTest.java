package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** Deferred responses: answered later from another thread, or 504 when never answered. */
class AsyncTest {
    @InjectBundleContext
    BundleContext context;
    int port;
    final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @AfterEach
    void stop() throws Exception {
        later.shutdownNow();
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void aHandlerAnswersLaterFromAnotherThread() throws Exception {
        Handlers.register(context, "later", (request, response) -> {
            String path = request.path();
            response.defer();
            later.schedule(() -> {
                response.status(202).contentType("text/plain");
                try (OutputStream out = response.output()) {
                    out.write(("answered " + path + " on " + Thread.currentThread().getName())
                            .getBytes(StandardCharsets.UTF_8));
                }
                response.complete();
                return null;
            }, 300, TimeUnit.MILLISECONDS);
        });
        HttpResponse<String> response = Loopback.get(port, "/later/x");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).startsWith("answered /x on pool-");
    }

    @Test
    void closingTheStreamCompletesTheResponseWithItsLength() throws Exception {
        Handlers.register(context, "closed", (request, response) -> {
            response.defer();
            later.schedule(() -> {
                try (OutputStream out = response.output()) {
                    out.write("closed".getBytes(StandardCharsets.UTF_8));
                }
                return null;
            }, 100, TimeUnit.MILLISECONDS);
        });
        String response = Loopback.raw(port, "GET /closed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(200);
        assertThat(response).containsIgnoringCase("Content-Length: 6").endsWith("closed");
    }

    @Test
    void aTimeoutWhileAHandlerIsStuckWritingLeavesOtherTimeoutsRunning() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "async_timeout", "500"));
        CountDownLatch writing = new CountDownLatch(1);
        Handlers.register(context, "stuck", (request, response) -> {
            response.defer();
            Thread writer = new Thread(() -> {
                byte[] block = new byte[1 << 20];
                try {
                    OutputStream out = response.output();
                    writing.countDown();
                    for (int i = 0; i < 256; i++) {
                        out.write(block);
                        out.flush();
                    }
                } catch (IOException clientGone) {
                    // the test closes the connection at the end
                }
            });
            writer.setDaemon(true);
            writer.start();
        });
        Handlers.register(context, "never", (request, response) -> response.defer());
        // A client that never reads: the writer blocks in a write with the response's lock held.
        try (Socket stuck = new Socket(InetAddress.getLoopbackAddress(), port)) {
            stuck.setReceiveBufferSize(4096);
            stuck.getOutputStream().write("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            // Its 504 falls due first, 500 ms after it arrived, and cannot be written; the 504s of other
            // exchanges, due later, must still come.
            long start = System.nanoTime();
            assertThat(Loopback.get(port, "/never").statusCode()).isEqualTo(504);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        }
    }

    @Test
    void aDeferredResponseNobodyCompletesIsAnswered504() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "async_timeout", "500"));
        Handlers.register(context, "never", (request, response) -> response.defer());
        long start = System.nanoTime();
        HttpResponse<String> response = Loopback.get(port, "/never");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        assertThat(Loopback.get(port, "/never/again").statusCode()).isEqualTo(504);
    }
}
