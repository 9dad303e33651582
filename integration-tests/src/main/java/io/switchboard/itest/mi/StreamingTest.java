package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiStream;

/** A result of millions of entries streams out as it is produced, with bounded memory. */
class StreamingTest {
    private static final int ENTRIES = 1_000_000;

    @InjectBundleContext
    BundleContext context;

    @Test
    void aFiftyMegabyteResultStreamsWithBoundedHeap() throws Exception {
        Httpd.port();
        Mi.reset();
        MiStream million = json -> {
            json.startArray();
            for (int i = 0; i < ENTRIES; i++) {
                json.startObject().name("index").value(i).name("name").value("entry-" + i)
                        .name("pad").value("0123456789").endObject();
            }
            json.endArray();
        };
        TestCommands.register(context, params -> million, "test_million", new String[0], new String[0], false,
                "A million entries");
        long baseline = liveHeap();
        long peak = baseline;
        HttpResponse<InputStream> response = Loopback.CLIENT.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + Httpd.port() + "/mi")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"test_million\",\"id\":1}"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long bytes = 0;
        long objects = 0;
        StringBuilder tail = new StringBuilder();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0;) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '}') {
                        objects++;
                    }
                }
                tail.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                tail.delete(0, Math.max(0, tail.length() - 64));
                long before = bytes;
                bytes += n;
                if (before / (10 << 20) != bytes / (10 << 20)) {
                    peak = Math.max(peak, liveHeap());
                }
            }
        }
        assertThat(bytes).as("the result is about 50 MB").isGreaterThan(50_000_000L);
        assertThat(objects).as("every entry and the envelope arrived").isEqualTo(ENTRIES + 1);
        assertThat(tail.toString()).endsWith("\"entry-999999\",\"pad\":\"0123456789\"}],\"id\":1}");
        assertThat(peak - baseline).as("live heap growth while streaming").isLessThan(64L << 20);
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
