package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** buf_size and flush(): what is buffered, what is sent at once, when a response goes chunked. */
class ResponseStreamingTest {
    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "buf_size", "4096"));
        Handlers.register(context, "sized", (request, response) -> {
            int size = Integer.parseInt(request.arg("size").orElse("0"));
            response.status(200).contentType("text/plain");
            response.output().write("x".repeat(size).getBytes(StandardCharsets.US_ASCII));
        });
    }

    @AfterEach
    void restore() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void aResponseThatFitsTheBufferGoesOutWithItsLength() throws Exception {
        String response = Loopback.raw(port, "GET /sized?size=1000 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).containsIgnoringCase("Content-Length: 1000").doesNotContainIgnoringCase("chunked");
    }

    @Test
    void aLongerResponseStreamsOutChunked() throws Exception {
        String response = Loopback.raw(port, "GET /sized?size=100000 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).containsIgnoringCase("Transfer-Encoding: chunked");
    }

    @Test
    void flushSendsWhatIsBufferedAtOnce() throws Exception {
        CountDownLatch clientSawFirstPart = new CountDownLatch(1);
        Handlers.register(context, "flushed", (request, response) -> {
            response.status(200).contentType("text/plain");
            OutputStream out = response.output();
            out.write("first;".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Without the flush the client could not see the first part and this would time out.
            boolean seen = clientSawFirstPart.await(10, TimeUnit.SECONDS);
            out.write((seen ? "second" : "flush did not send").getBytes(StandardCharsets.US_ASCII));
        });
        HttpResponse<InputStream> response = Loopback.CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/flushed")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("first;");
            clientSawFirstPart.countDown();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
        }
    }
}
