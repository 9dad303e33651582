package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the runnable jar: the listeners stop accepting at once, the requests in flight finish
 * within {@code shutdown_grace}, and the process exits 0; past the grace, or on a second SIGTERM, what
 * is still in flight is cut, named in the log, and the process exits 0 all the same.
 */
class GracefulShutdownTest {
    private static final long DOWNLOAD_BYTES = 100L << 20;
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final Duration A_WHILE = Duration.ofSeconds(30);

    @Test
    void aDownloadInFlightAtSigtermGetsEveryByteWhileNewConnectionsAreRefused() throws Exception {
        try (Container container = Container.builder().withTestHandlers().start();
                Socket client = connect(container.httpdPort)) {
            InputStream in = get(client, "/download/" + DOWNLOAD_BYTES);
            assertThat(readHead(in)).startsWith("HTTP/1.1 200").contains("Content-Length: " + DOWNLOAD_BYTES);
            long received = readPattern(in, 0, 1 << 20);

            container.terminate();
            container.awaitConsole("- httpd stopped accepting", A_WHILE);
            assertRefused(container.httpdPort);
            container.awaitConsole("microhttpd stopped accepting", A_WHILE);
            assertRefused(container.microhttpdPort);

            received += readPattern(in, received, DOWNLOAD_BYTES - received);
            assertThat(received).isEqualTo(DOWNLOAD_BYTES);
            assertThat(in.read()).as("the connection closes after the response").isEqualTo(-1);
            assertThat(container.awaitExit(A_WHILE)).isZero();
            // Within the grace: nothing was cut.
            assertThat(container.console()).contains("shutdown: no request in flight after")
                    .doesNotContain("cutting");
        }
    }

    @Test
    void deferredXhttpRepliesInFlightAtSigtermAreSentOnBothListeners() throws Exception {
        try (Container container = Container.builder().withTestHandlers().start()) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            CompletableFuture<HttpResponse<String>> viaHttpd = client.sendAsync(late(container.httpdPort),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> viaMicrohttpd = client.sendAsync(late(container.microhttpdPort),
                    HttpResponse.BodyHandlers.ofString());
            container.awaitConsole("late reply to GET /late on xhttp:request", A_WHILE);
            container.awaitConsole("late reply to GET /late on microhttpd:request", A_WHILE);

            container.terminate();
            for (CompletableFuture<HttpResponse<String>> reply : java.util.List.of(viaHttpd, viaMicrohttpd)) {
                HttpResponse<String> response = reply.get(A_WHILE.toSeconds(), TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("late\n");
            }
            assertThat(container.awaitExit(DEFAULT_GRACE)).isZero();
            assertThat(container.console()).contains("microhttpd stopped accepting", "shutdown: no request in flight after");
        }
    }

    @Test
    void aResponseThatNeverEndsIsCutWhenTheGraceRunsOutAndTheLogNamesIt() throws Exception {
        try (Container container = Container.builder().withTestHandlers()
                .etc("switchboard.httpd.cfg", "shutdown_grace = 1000").start();
                Socket client = connect(container.httpdPort)) {
            InputStream in = get(client, "/endless");
            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(in.readNBytes(64)).hasSize(64);

            long signalled = System.nanoTime();
            container.terminate();
            int status = container.awaitExit(A_WHILE);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

            assertThat(status).isZero();
            assertThat(tookMillis).as("the grace of 1 s, not the default of 10 s, then the stop")
                    .isBetween(1000L, DEFAULT_GRACE.toMillis());
            assertThat(container.logFile()).containsPattern("shutdown: shutdown_grace=1000 ms ran out after \\d+ ms; "
                    + "cutting the requests still in flight \\(1\\): GET /endless from 127\\.0\\.0\\.1:" + client.getLocalPort());
            assertThat(drain(in)).as("the response was cut: the stream ends").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aSecondSigtermCutsWhatIsInFlightAtOnce() throws Exception {
        // A grace longer than the test waits: only the cut can end the stop in time.
        try (Container container = Container.builder().withTestHandlers()
                .etc("switchboard.httpd.cfg", "shutdown_grace = 600000").start();
                Socket client = connect(container.httpdPort)) {
            InputStream in = get(client, "/endless");
            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            container.terminate();
            container.awaitConsole("- httpd stopped accepting", A_WHILE);

            container.terminate();
            assertThat(container.awaitExit(A_WHILE)).isZero();
            assertThat(container.logFile()).contains("SIGTERM again: cutting the requests still in flight")
                    .containsPattern("told to stop waiting .* cutting the requests still in flight \\(1\\): GET /endless");
            drain(in);
        }
    }

    private static HttpRequest late(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/late")).timeout(A_WHILE).build();
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout((int) A_WHILE.toMillis());
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    private static InputStream get(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket.getInputStream();
    }

    /** @return the status line and headers, up to the empty line */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection ended in the response head: " + head);
            }
            head.append((char) next);
        }
        return head.toString();
    }

    /** Reads {@code count} bytes that must follow DownloadRoot's pattern from offset {@code from}. */
    private static long readPattern(InputStream in, long from, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < count) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - read));
            if (n < 0) {
                throw new IOException("the download was cut after " + (from + read) + " bytes");
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] != (byte) ((from + read + i) % 251)) {
                    throw new AssertionError("byte " + (from + read + i) + " is wrong");
                }
            }
            read += n;
        }
        return read;
    }

    /** @return how many bytes came before the stream ended */
    private static long drain(InputStream in) throws IOException {
        try {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException reset) {
            return 0;
        }
    }

    private static void assertRefused(int port) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).as("a new connection to port " + port).isInstanceOf(ConnectException.class);
    }
}
