package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar scraped as operators scrape it, with Debian's prometheus package (installed by
 * {@code .ci/install-test-deps}): promtool accepts what {@code /metrics} serves, and a real Prometheus
 * server, scraping every second, finds the target up and reads back a counter equal to the requests this
 * test made. One container serves both: nothing else calls its root {@code ping}.
 */
class PrometheusTest {
    private static final int PINGS = 7;
    /** Prometheus scrapes first a few seconds after it starts: about 5 s here. */
    private static final Duration PROMETHEUS_WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"\\]");

    private static Container container;

    @BeforeAll
    static void start() throws Exception {
        container = Container.builder().withTestHandlers().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void theJarCarriesTheEndpointsCommentedDefaults() throws Exception {
        String defaults = Files.readString(container.etc().resolve("switchboard.prometheus.cfg"));
        assertThat(defaults).contains("(PID switchboard.prometheus)").contains("#root = metrics")
                .contains("#prefix = switchboard").contains("#group_mode = 1").contains("#open_scrape = false");
    }

    @Test
    void promtoolAcceptsWhatTheJarServes() throws Exception {
        HttpResponse<String> scrape = CLIENT.send(HttpRequest.newBuilder(container.uri("/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE switchboard_httpd_ping_requests_total counter\n")
                .contains("# TYPE jvm_memory_used_bytes gauge\n");
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var in = promtool.getOutputStream()) {
            in.write(scrape.body().getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics said: %s", said).isZero();
        assertThat(said).isEmpty();
    }

    @Test
    void aRealPrometheusFindsTheJarUpAndCountsTheRequestsMade(@TempDir Path folder) throws Exception {
        for (int i = 0; i < PINGS; i++) {
            assertThat(CLIENT.send(HttpRequest.newBuilder(container.uri("/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("pong\n");
        }
        int port = Container.freePorts(1)[0];
        Path config = Files.writeString(folder.resolve("prometheus.yml"), String.join("\n",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "scrape_configs:",
                "  - job_name: switchboard",
                "    scrape_timeout: 900ms",
                "    static_configs: [{targets: ['127.0.0.1:" + container.httpdPort + "']}]", ""));
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
        try {
            container.await("Prometheus reporting the jar up", PROMETHEUS_WAIT,
                    () -> "1".equals(query(prometheus, folder, port, "up{job=\"switchboard\"}")) ? "up" : null);
            container.await("Prometheus reading " + PINGS + " requests to /ping", PROMETHEUS_WAIT, () -> {
                String requests = query(prometheus, folder, port, "switchboard_httpd_ping_requests_total");
                if (requests != null && !requests.equals(Integer.toString(PINGS))) {
                    throw new IOException("Prometheus reads " + requests);
                }
                return requests;
            });
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** @return the value of the one series {@code promQl} selects now, or {@code null} while there is none */
    private static String query(Process prometheus, Path folder, int port, String promQl)
            throws IOException, InterruptedException {
        if (!prometheus.isAlive()) {
            throw new AssertionError("Prometheus ended (" + prometheus.exitValue() + "): "
                    + Files.readString(folder.resolve("prometheus.log")));
        }
        String body = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promQl, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = VALUE.matcher(body);
        List<String> values = value.results().map(found -> found.group(1)).toList();
        if (values.size() > 1) {
            throw new AssertionError(promQl + " selects " + values.size() + " series: " + body);
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
