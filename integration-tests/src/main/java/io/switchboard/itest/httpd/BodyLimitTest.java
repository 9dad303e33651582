package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** max_body_size: a longer body is answered 413 before it is read. */
class BodyLimitTest {
    private static final int LIMIT = 1000;

    @InjectBundleContext
    BundleContext context;
    int port;
    final AtomicLong handled = new AtomicLong();

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "max_body_size",
                Integer.toString(LIMIT)));
        Handlers.register(context, "upload", (request, response) -> {
            handled.incrementAndGet();
            response.send(200, "text/plain", "read " + request.bodyBytes().length);
        });
    }

    @AfterEach
    void restore() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        String response = Loopback.raw(port, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + LIMIT + "\r\n\r\n"
                + "a".repeat(LIMIT));
        assertThat(Loopback.status(response)).isEqualTo(200);
        assertThat(response).endsWith("read " + LIMIT);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        // Only the headers are sent: the 413 must come without waiting for the gigabyte announced.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        String chunk = Integer.toHexString(600) + "\r\n" + "b".repeat(600) + "\r\n";
        String response = Loopback.raw(port, "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk + chunk + chunk + "0\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(413);
        assertThat(response).contains("max_body_size=" + LIMIT);
    }

    @Test
    void aChunkedFormOverTheLimitIsRefused413() throws Exception {
        Handlers.register(context, "form", (request, response) -> response.send(200, "text/plain",
                "fields " + request.args().size()));
        String chunk = Integer.toHexString(600) + "\r\n" + "f=".concat("g".repeat(598)) + "\r\n";
        String response = Loopback.raw(port, "POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\n" + chunk + chunk + "0\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(413);
        assertThat(response).contains("max_body_size=" + LIMIT);
    }

    @Test
    void theServerServesOnAfterARefusal() throws Exception {
        Loopback.raw(port, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "c".repeat(5000));
        assertThat(Loopback.get(port, "/upload").body()).isEqualTo("read 0");
    }
}
