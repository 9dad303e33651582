package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;

/**
 * Cheap hostile requests get a fast, clear refusal, and the server goes on serving: forms past
 * max_form_size and max_form_keys, forms built to be slow to parse, bodies that never arrive,
 * CONNECT, and a 1xx offered as a final status.
 */
class HostileRequestTest {
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Handlers.register(context, "form", (request, response) -> response.send(200, "text/plain",
                "values " + request.args().values().stream().mapToInt(List::size).sum()));
        Handlers.register(context, "whole", (request, response) -> request.readBody().thenAccept(body -> {
            try {
                response.send(200, "text/plain", "read " + body.length + " args " + request.args().size());
            } catch (IOException clientGone) {
                response.complete();
            }
        }));
        Handlers.register(context, "plain", (request, response) -> response.send(200, "text/plain", "served"));
    }

    @AfterEach
    void restore() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void aFormLongerThanMaxFormSizeIs413() throws Exception {
        configure(Map.of("max_form_size", "1000"));
        String response = Loopback.raw(port, "POST /form HTTP/1.1\r\nHost: x\r\n" + FORM + "Content-Length: 1001\r\n\r\n"
                + "a=" + "b".repeat(999));
        assertThat(Loopback.status(response)).isEqualTo(413);
        assertThat(response).contains("max_form_size=1000");
        assertServed();
    }

    @Test
    void aChunkedFormLongerThanMaxFormSizeIs413() throws Exception {
        configure(Map.of("max_form_size", "1000"));
        String chunk = Integer.toHexString(600) + "\r\n" + "f=".concat("g".repeat(598)) + "\r\n";
        String response = Loopback.raw(port, "POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" + FORM
                + "\r\n" + chunk + chunk + "0\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(413);
        assertThat(response).contains("max_form_size=1000");
        assertServed();
    }

    @Test
    void moreArgumentsThanMaxFormKeysAre400CountingTheQuery() throws Exception {
        configure(Map.of("max_form_keys", "10"));
        String form = "k=v&".repeat(6);
        String ok = Loopback.raw(port, "POST /form?q=1&q=2&q=3&q=4 HTTP/1.1\r\nHost: x\r\n" + FORM + "Content-Length: "
                + form.length() + "\r\n\r\n" + form);
        assertThat(ok).endsWith("values 10");
        String response = Loopback.raw(port, "POST /form?q=1&q=2&q=3&q=4&q=5 HTTP/1.1\r\nHost: x\r\n" + FORM
                + "Content-Length: " + form.length() + "\r\n\r\n" + form);
        assertThat(Loopback.status(response)).isEqualTo(400);
        assertThat(response).contains("max_form_keys=10");
        assertServed();
    }

    @Test
    void aDeclaredFormLongerThanTheDefaultMaxFormSizeIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /form HTTP/1.1\r\nHost: x\r\n" + FORM + "Content-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
        assertServed();
    }

    /** Parsing takes time in proportion to the form: Jetty's own fields took minutes for this one. */
    @Test
    void aMegabyteOfOneRepeatedNameParsesWhenTheLimitsAllowIt() throws Exception {
        configure(Map.of("max_form_size", "2000000", "max_form_keys", "1000000"));
        String form = "a&".repeat(500_000);
        var response = Loopback.CLIENT.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("values 500000");
        assertServed();
    }

    @Test
    void aFormReadByReadBodyIsParsedFromWhatWasRead() throws Exception {
        String form = "a=1&b=2&b=3";
        String response = Loopback.raw(port, "POST /whole?c=4 HTTP/1.1\r\nHost: x\r\n" + FORM + "Content-Length: "
                + form.length() + "\r\n\r\n" + form);
        assertThat(response).endsWith("read " + form.length() + " args 3");
    }

    @Test
    void readBodyPastMaxBodySizeIs413() throws Exception {
        configure(Map.of("max_body_size", "1000"));
        String chunk = Integer.toHexString(600) + "\r\n" + "x".repeat(600) + "\r\n";
        String response = Loopback.raw(port, "POST /whole HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk + chunk + "0\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(413);
        assertThat(response).contains("max_body_size=1000");
        assertServed();
    }

    @Test
    void readBodyPastTheHandlersOwnLimitIs413NamingIt() throws Exception {
        Handlers.register(context, "small", (request, response) -> request.readBody(100).thenAccept(body -> {
            try {
                response.send(200, "text/plain", "read " + body.length);
            } catch (IOException clientGone) {
                response.complete();
            }
        }));
        String chunk = Integer.toHexString(60) + "\r\n" + "x".repeat(60) + "\r\n";
        String response = Loopback.raw(port, "POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk + chunk + "0\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(413);
        assertThat(response).contains("100 bytes");
        assertThat(Loopback.raw(port, "POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "y".repeat(100)))
                .endsWith("read 100");
    }

    /**
     * More clients than server threads announce bodies they never send. readBody holds no thread for
     * them: an ordinary request is answered while they all still wait, and each of them gets 408 once
     * body_timeout has passed.
     */
    @Test
    void bodiesThatNeverArriveHoldNoThreadAndGet408() throws Exception {
        configure(Map.of("body_timeout", "10000", "max_threads", "16"));
        List<Socket> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /whole HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nfirst bytes")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                tricklers.add(socket);
            }
            assertThat(Loopback.get(port, "/plain").body()).isEqualTo("served");
            for (Socket socket : tricklers) {
                assertThat(socket.getInputStream().available()).as("answered before body_timeout").isZero();
            }
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (Socket socket : tricklers) {
                answers.add(CompletableFuture.supplyAsync(() -> statusLine(socket)));
            }
            for (CompletableFuture<String> answer : answers) {
                assertThat(answer.join()).isEqualTo("HTTP/1.1 408 Request Timeout");
            }
        } finally {
            for (Socket socket : tricklers) {
                socket.close();
            }
        }
        assertServed();
    }

    /**
     * A response that ends while its body is still on its way (here async_timeout's 504) stops the
     * read: the handler's continuation never runs, even when the rest of the body comes after.
     */
    @Test
    void aResponseEndedBeforeItsBodyCameStopsTheRead() throws Exception {
        configure(Map.of("async_timeout", "300"));
        List<String> continued = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handlers.register(context, "impatient", (request, response) -> request.readBody().thenAccept(body -> {
            continued.add("ran with " + body.length);
            response.complete();
        }));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /impatient HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\nfirst half"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 504 Gateway Timeout");
            try {
                out.write("second hal".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closed) {
                // the server may have closed the connection after its 504: as good
            }
        }
        assertServed();
        assertThat(continued).isEmpty();
    }

    @Test
    void connectIs405() throws Exception {
        String response = Loopback.raw(port, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(405);
        assertThat(response).contains("CONNECT");
        assertServed();
    }

    @Test
    void aOneHundredStatusIsNoFinalStatus() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        Handlers.register(context, "early", (request, response) -> {
            try {
                response.status(103);
                refused.complete(null);
            } catch (IllegalArgumentException expected) {
                refused.complete(expected);
            }
            response.send(200, "text/plain", "final");
        });
        assertThat(Loopback.get(port, "/early").body()).isEqualTo("final");
        assertThat(refused.join()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1xx");
    }

    /**
     * A client that makes httpd write a line per request gets the first few lines written, the rest
     * counted; another client's lines still show. Lines arrive in order, so once the second client's
     * line is there, every line of the first one is.
     */
    @Test
    void linesAClientCausesAreLimitedPerClient() throws Exception {
        configure(Map.of("async_timeout", "300"));
        Handlers.register(context, "never", (request, response) -> response.defer());
        try (LogCapture capture = new LogCapture(logs)) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> rawFrom("127.0.0.3", "/never?first")));
            }
            for (CompletableFuture<String> answer : answers) {
                assertThat(Loopback.status(answer.join())).isEqualTo(504);
            }
            assertThat(Loopback.status(rawFrom("127.0.0.4", "/never?second"))).isEqualTo(504);
            capture.await(Duration.ofSeconds(10), "/never?second", "answered 504");
            // RateLimitedLog.LINES_PER_WINDOW; no other test sends from these two addresses.
            assertThat(capture.count("/never?first", "answered 504")).isEqualTo(5);
        }
        assertServed();
    }

    private String rawFrom(String local, String pathAndQuery) {
        try {
            return Loopback.rawFrom(local, port, "GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    Duration.ofSeconds(10));
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    private void configure(Map<String, String> settings) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("ip", "127.0.0.1");
        all.put("port", Integer.toString(port));
        Httpd.configure(all);
    }

    private void assertServed() throws Exception {
        assertThat(Loopback.get(port, "/plain").body()).isEqualTo("served");
    }

    private static String statusLine(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0 && c != '\r';) {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException failed) {
            return failed.toString();
        }
    }
}
