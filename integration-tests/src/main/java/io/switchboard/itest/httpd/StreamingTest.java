package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** A response far larger than any buffer streams out with bounded memory. */
class StreamingTest {
    private static final long GIB = 1L << 30;

    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @Test
    void aGibibyteStreamsWithHeapGrowthUnder64MiB() throws Exception {
        Handlers.register(context, "big", (request, response) -> {
            response.status(200).contentType("application/octet-stream");
            byte[] block = new byte[64 * 1024];
            OutputStream out = response.output();
            for (long sent = 0; sent < GIB; sent += block.length) {
                out.write(block);
            }
        });
        long baseline = liveHeap();
        long peak = baseline;
        long received = 0;
        HttpResponse<InputStream> response = Loopback.CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/big")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[256 * 1024];
            long nextSample = GIB / 8;
            for (int n; (n = in.read(buffer)) >= 0;) {
                received += n;
                if (received >= nextSample) {
                    // What survives a collection mid-stream is what the server holds on to.
                    peak = Math.max(peak, liveHeap());
                    nextSample += GIB / 8;
                }
            }
        }
        assertThat(received).isEqualTo(GIB);
        assertThat(peak - baseline).isLessThan(64L << 20);
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
