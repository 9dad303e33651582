package io.switchboard.itest.metrics;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** The Prometheus endpoint as tests reach it: its configuration, scrapes, and the samples in them. */
final class Scrapes {
    static final String PID = "switchboard.prometheus";
    /** The defaults of the settings the endpoint shows, but the empty ones (a filter cannot wait on those). */
    private static final Map<String, Object> DEFAULTS = Map.of("prefix", "switchboard", "delimiter", "_",
            "group_mode", 1, "group_label", "group", "open_scrape", false);

    private Scrapes() {
    }

    /** Replaces the endpoint's configuration and waits until it is in force and served. */
    static void configure(Map<String, ?> properties) throws Exception {
        Configs.update(PID, properties);
        String root = String.valueOf(properties.containsKey("root") ? properties.get("root") : "metrics");
        Map<String, Object> expected = new TreeMap<>(DEFAULTS);
        expected.putAll(properties);
        StringBuilder filter = new StringBuilder("(&(objectClass=" + RootHandler.class.getName() + ")(httpd.module="
                + "prometheus)(httpd.root=" + root + ")");
        expected.forEach((key, value) -> {
            if (!key.equals("root") && !String.valueOf(value).isEmpty()) {
                filter.append("(prometheus.").append(key).append('=').append(value).append(')');
            }
        });
        BundleContext context = FrameworkUtil.getBundle(Scrapes.class).getBundleContext();
        ServiceTracker<RootHandler, RootHandler> applied = new ServiceTracker<>(context,
                context.createFilter(filter.append(')').toString()), null);
        applied.open();
        try {
            if (applied.waitForService(10_000) == null) {
                throw new AssertionError("prometheus did not apply " + filter + " within 10 s");
            }
        } finally {
            applied.close();
        }
        HttpdRuntime runtime = Httpd.await("", Duration.ofSeconds(10));
        Configs.await("prometheus serving /" + root, Duration.ofSeconds(10), () -> runtime.roots().stream()
                .anyMatch(path -> path.root().equals(root) && path.module().equals("prometheus") && path.serving()));
    }

    static void reset() throws Exception {
        configure(Map.of());
    }

    /** @return the answer to a GET of {@code path} from 127.0.0.1, with {@code accept} when not null */
    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Httpd.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return Loopback.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the Prometheus text of {@code /metrics}, which must answer 200 */
    static String text() throws Exception {
        HttpResponse<String> response = get("/metrics", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** @return a raw GET of {@code path} from {@code localAddress}, with extra header lines (each ending CRLF) */
    static String rawGet(String localAddress, String path, String headers) throws Exception {
        return Loopback.rawFrom(localAddress, Httpd.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n" + headers + "\r\n", Duration.ofSeconds(10));
    }

    /** @return the value of the sample written as {@code sample} (name and labels), or {@code null} when none is */
    static Double value(String text, String sample) {
        return text.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.valueOf(line.substring(sample.length() + 1).trim())).orElse(null);
    }
}
