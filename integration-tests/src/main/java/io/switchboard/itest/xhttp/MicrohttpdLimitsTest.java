package io.switchboard.itest.xhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * microhttpd's limits: every input a client controls is bounded, and past the bound the client gets
 * a clear status while an ordinary request is still served promptly.
 */
class MicrohttpdLimitsTest {
    private static final String PID = "switchboard.microhttpd";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    int port;
    final List<String> raised = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        Events.register(context, HttpEventHandler.MICROHTTPD, "probe", event -> {
            raised.add(event.method() + " " + event.url());
            event.reply(200, "OK", "text/plain", "micro|" + event.method() + "|" + event.bodyText());
        });
        configure(Map.of());
    }

    @AfterEach
    void restore() throws Exception {
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(Loopback.freePort())));
    }

    /**
     * Applies the settings on a new port and waits until the listener answers there. The port and the
     * settings come in one configuration, so once the new port answers the settings are in force too:
     * on the same port the previous listener would answer at once, whether they applied yet or not.
     */
    private void configure(Map<String, String> settings) throws Exception {
        port = Loopback.freePort();
        update(settings);
        Configs.await("microhttpd on port " + port, Duration.ofSeconds(10),
                () -> Loopback.get(port, "/probe").statusCode() == 200);
    }

    /** Applies the settings on this test's port without waiting for them. */
    private void update(Map<String, String> settings) throws Exception {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("listen_addr", "127.0.0.1");
        properties.put("listen_port", Integer.toString(port));
        Configs.update(PID, properties);
    }

    @Test
    void slowBodiesHoldNoThreadAndGet408PastBodyTimeout() throws Exception {
        // 10 s: the 40 connects and the ordinary request below come well before it, even on a loaded machine.
        configure(Map.of("body_timeout", "10000"));
        raised.clear();
        try (Tricklers tricklers = Tricklers.start(port, 40, "/slow")) {
            // 40 bodies arriving a byte at a time, more than microhttpd's 16 threads, and yet:
            String ordinary = Loopback.raw(port, "POST /ordinary HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
            assertThat(ordinary).startsWith("HTTP/1.1 200").endsWith("micro|POST|ok");
            assertThat(Loopback.get(port, "/get").statusCode()).isEqualTo(200);
            // ... it was answered while every trickler was still open and unanswered.
            assertThat(tricklers.unanswered()).isEqualTo(40);

            List<String> answers = tricklers.answers(Duration.ofSeconds(30));
            assertThat(answers).hasSize(40).allMatch(line -> line.startsWith("HTTP/1.1 408"), "408");
            assertThat(tricklers.allClosedByServer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(raised).containsExactly("POST /ordinary", "GET /get");
        assertThat(Loopback.get(port, "/after").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAHandlerTheBodyIsNotAwaited() throws Exception {
        update(Map.of("body_timeout", "60000", "event_callback", "nobody-has-this-name"));
        Configs.await("event_callback=nobody-has-this-name in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/probe").statusCode() == 503);
        String answer = Loopback.raw(port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nfirst bytes");
        assertThat(answer).startsWith("HTTP/1.1 503").contains("no handler named nobody-has-this-name");
    }

    @Test
    void aBodyOverMaxBodySizeGets413WithoutBeingRead() throws Exception {
        configure(Map.of("max_body_size", "10"));
        assertThat(Loopback.raw(port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"))
                .startsWith("HTTP/1.1 413");
        assertThat(Loopback.raw(port, "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n")).startsWith("HTTP/1.1 413");
        assertThat(Loopback.raw(port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"))
                .startsWith("HTTP/1.1 200").endsWith("micro|POST|0123456789");
    }

    @Test
    void connectGets405AndNeverReachesAHandler() throws Exception {
        raised.clear();
        String answer = Loopback.raw(port, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 405");
        assertThat(raised).isEmpty();
        assertThat(Loopback.get(port, "/after").statusCode()).isEqualTo(200);
        assertThat(raised).containsExactly("GET /after");
    }

    @Test
    void anInterimStatusIsRefusedAsTheReply() throws Exception {
        List<String> thrown = new CopyOnWriteArrayList<>();
        Events.register(context, HttpEventHandler.MICROHTTPD, "interim", event -> {
            try {
                event.reply(103, "Early Hints", "text/plain", "x");
            } catch (IllegalArgumentException refused) {
                thrown.add(refused.getMessage());
            }
        });
        update(Map.of("event_callback", "interim"));
        Configs.await("event_callback=interim in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/interim").statusCode() == 500);
        // The client's 500 goes out before reply() throws to the handler, which then records it.
        Configs.await("the handler told of its refused reply", Duration.ofSeconds(10), () -> !thrown.isEmpty());
        assertThat(thrown).allMatch(message -> message.contains("200-599"));
    }

    @Test
    void refusalLinesAreLimitedPerClient() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LogListener listener = entry -> {
            if (entry.getMessage().contains("CONNECT") && entry.getMessage().contains("flood.example")) {
                lines.add(entry.getMessage());
            }
        };
        logs.addLogListener(listener);
        try {
            for (int i = 0; i < 30; i++) {
                assertThat(Loopback.raw(port, "CONNECT flood.example:443 HTTP/1.1\r\nHost: flood.example:443\r\n\r\n"))
                        .startsWith("HTTP/1.1 405");
            }
        } finally {
            logs.removeLogListener(listener);
        }
        // Logged before each answer went out: all lines there will be are here.
        assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void narrowingAllowedIpsClosesKeptAliveConnectionsOfAddressesLeftOut() throws Exception {
        configure(Map.of("allowed_ips", "127.0.0.0/8"));
        Configs.await("allowed_ips=127.0.0.0/8 in force", Duration.ofSeconds(10),
                () -> answerFrom("127.0.0.2", "/probe").startsWith("HTTP/1.1 200"));
        try (Socket other = keptAlive("127.0.0.2"); Socket local = keptAlive("127.0.0.1")) {
            // On the same listener: its kept-alive connections are the point.
            update(Map.of("allowed_ips", "127.0.0.1/32"));
            other.setSoTimeout(10_000);
            assertThat(readUntilClosed(other)).as("127.0.0.2 closed by the server").isTrue();
            // The allowed client's connection stays and carries its next request.
            assertThat(request(local, "/again")).startsWith("HTTP/1.1 200");
        }
        assertThat(answerFrom("127.0.0.2", "/new")).isEmpty();
    }

    @Test
    void aHostNameInAllowedIpsIsRefusedNotResolved() throws Exception {
        configure(Map.of("allowed_ips", "127.0.0.1/32"));
        // The list must be in force before the next update: ConfigAdmin may hand a component only the
        // latest of two quick updates, and the refused one would then be all it ever saw.
        Configs.await("allowed_ips=127.0.0.1/32 in force", Duration.ofSeconds(10),
                () -> answerFrom("127.0.0.2", "/probe").isEmpty());
        try (LogCapture capture = new LogCapture(logs)) {
            update(Map.of("allowed_ips", "cafe.be"));
            capture.await(Duration.ofSeconds(10), PID, "allowed_ips=cafe.be", "never a host name",
                    "the previous configuration stays in force");
        }
        // The previous allowed_ips holds: had the refused one applied, or an empty one, 127.0.0.2 would get in.
        assertThat(answerFrom("127.0.0.1", "/still")).startsWith("HTTP/1.1 200");
        assertThat(answerFrom("127.0.0.2", "/still")).isEmpty();
    }

    /** @return the answer to a GET from {@code localAddress}, empty when the server closed the connection */
    private String answerFrom(String localAddress, String path) {
        try {
            return Loopback.rawFrom(localAddress, port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    Duration.ofSeconds(5));
        } catch (java.io.IOException closedByServer) {
            return "";
        }
    }

    /** @return a connection from {@code localAddress} that has carried one request and stays open */
    private Socket keptAlive(String localAddress) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(5000);
        assertThat(request(socket, "/first")).startsWith("HTTP/1.1 200");
        return socket;
    }

    /** Sends a GET on {@code socket} and reads its answer, which has a Content-Length. */
    private static String request(Socket socket, String path) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        int length = -1;
        while (length < 0 || answer.length() < answer.indexOf("\r\n\r\n") + 4 + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            answer.append((char) b);
            int end = answer.indexOf("\r\n\r\n");
            if (length < 0 && end >= 0) {
                String headers = answer.toString().toLowerCase();
                int at = headers.indexOf("content-length:");
                length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).trim());
            }
        }
        return answer.toString();
    }

    private static boolean readUntilClosed(Socket socket) throws Exception {
        try {
            while (socket.getInputStream().read() >= 0) {
                // nothing is expected before the close
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.io.IOException reset) {
            return true;
        }
    }
}
