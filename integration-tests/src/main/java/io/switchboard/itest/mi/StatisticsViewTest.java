package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/**
 * The statistics view of the MI page ({@code /mi/?view=statistics}) over real HTTP: served as the page
 * is, to whom the page is, as HTML with inline SVG and no script; a root's requests drawn as its
 * series; a latency histogram drawn as p99; every name escaped. {@code sample_interval=1} makes samples
 * come every second; the tests wait for what they look for to be drawn.
 */
class StatisticsViewTest {
    private static final String CHARTS_PID = "switchboard.mi_charts";
    private static final String VIEW = "/mi/?view=statistics";
    /** The y of a chart's value axis at 0, in the SVG's coordinates. */
    private static final double BASELINE = 244.0;

    @InjectBundleContext
    BundleContext context;
    @InjectService
    CommandProcessor shell;
    @InjectService
    ConfigurationAdmin admin;

    @BeforeEach
    void sampleEverySecond() throws Exception {
        Httpd.port();
        Mi.reset();
        Configs.update(CHARTS_PID, Map.of("sample_interval", 1));
        // Once sampling every second, with the MI's root drawn: the first sample may predate it.
        Configs.await("a sample every second", Duration.ofSeconds(10), () -> {
            String view = Loopback.get(Httpd.port(), VIEW).body();
            return view.contains("A sample every 1 s") && view.contains("data-series=\"mi\"");
        });
    }

    @AfterEach
    void defaults() throws Exception {
        admin.getConfiguration(CHARTS_PID, "?").delete();
        Mi.reset();
    }

    @Test
    void aLoopbackClientGetsTheChartsAsHtmlWithInlineSvgAndNoScript() throws Exception {
        HttpResponse<String> view = Loopback.get(Httpd.port(), VIEW);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(view.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(view.body()).contains("<title>Statistics</title>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-requests\"")
                .contains("data-series=\"mi\"").doesNotContain("<script");
        assertThat(Loopback.get(Httpd.port(), "/mi/").body())
                .contains("<a href=\"/mi/?view=statistics\">Statistics</a>");
        HttpResponse<String> unknown = Loopback.get(Httpd.port(), "/mi/?view=%3Cb%3Eother");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No view named &lt;b&gt;other").doesNotContain("<b>other");
    }

    @Test
    void withUsersTheViewTakesALoginAndWithoutThemOnlyLocalClients() throws Exception {
        String get = "GET " + VIEW + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        Mi.configure(Map.of("local_clients", "127.0.0.1"));
        assertThat(Mi.rawFrom("127.0.0.2", get + "\r\n")).startsWith("HTTP/1.1 403").doesNotContain("<svg");
        Mi.configure(Map.of("users", "alice:user:" + Passwords.hash(shell, "s3cret-A")));
        assertThat(Mi.rawFrom("127.0.0.2", get + "\r\n")).startsWith("HTTP/1.1 401").doesNotContain("<svg");
        String alice = Mi.rawFrom("127.0.0.2", get + "Authorization: " + Mi.basic("alice", "s3cret-A") + "\r\n\r\n");
        assertThat(alice).startsWith("HTTP/1.1 200").contains("as alice").contains("id=\"chart-requests\"")
                .doesNotContain("<script");
    }

    @Test
    void aRootsRequestsAreDrawnAsItsSeries() throws Exception {
        Handlers.register(context, "charted", Handlers.echo("charted"));
        Configs.await("the root charted listed in the charts", Duration.ofSeconds(10),
                () -> Loopback.get(Httpd.port(), VIEW).body().contains("data-series=\"charted\""));
        for (int i = 0; i < 20; i++) {
            assertThat(Loopback.get(Httpd.port(), "/charted/" + i).statusCode()).isEqualTo(200);
        }
        Configs.await("a rate above 0 drawn for charted", Duration.ofSeconds(10),
                () -> highest(path(Loopback.get(Httpd.port(), VIEW).body(), "chart-requests", "charted")) > 0);
    }

    @Test
    void aLatencyHistogramIsDrawnAsItsP99AndEveryNameIsEscaped() throws Exception {
        // httpd's group as a third party may publish one, ranked over httpd's own: each reading adds
        // 99 requests of at most 5 ms and one of at most 50 ms, so every interval's p99 is 5 ms.
        AtomicLong readings = new AtomicLong();
        String root = "<b>x</b>&\"";
        MiStatistics group = new MiStatistics() {
            @Override
            public Map<String, Long> values() {
                return Map.of(root + "_requests", readings.get() * 100);
            }

            @Override
            public Map<String, MiHistogram> histograms() {
                long n = readings.incrementAndGet();
                return Map.of(root + "_latency", new MiHistogram(new double[] { 0.005, 0.05 },
                        new long[] { 99 * n, n, 0 }, n * 0.3));
            }

            @Override
            public boolean reset(String name) {
                return false;
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MiStatistics.GROUP, "httpd");
        properties.put(Constants.SERVICE_RANKING, 100);
        context.registerService(MiStatistics.class, group, properties);
        String escaped = "&lt;b&gt;x&lt;/b&gt;&amp;&#34;";
        Configs.await("a p99 drawn for the root " + root, Duration.ofSeconds(10),
                () -> Loopback.get(Httpd.port(), VIEW).body().contains("<title>" + escaped + ": last 5 ms</title>"));
        String view = Loopback.get(Httpd.port(), VIEW).body();
        assertThat(view).contains("id=\"chart-latency\"").contains("data-series=\"" + escaped + "\"")
                .doesNotContain("<b>x</b>").doesNotContain("<script");
        assertThat(highest(path(view, "chart-latency", escaped))).isPositive();
    }

    /** @return the {@code d} of the series {@code name} (as escaped in the page) in the chart {@code chart} */
    private static String path(String page, String chart, String name) {
        int start = page.indexOf("id=\"" + chart + "\"");
        assertThat(start).as(chart + " in the page").isPositive();
        Matcher series = Pattern.compile("data-series=\"" + Pattern.quote(name) + "\" d=\"([^\"]*)\"")
                .matcher(page.substring(start, page.indexOf("</svg>", start)));
        assertThat(series.find()).as("the series " + name + " in " + chart).isTrue();
        return series.group(1);
    }

    /** @return how far above the value axis the highest point of a path lies, in SVG units */
    private static double highest(String d) {
        Matcher points = Pattern.compile("[ML][0-9.]+,([0-9.]+)").matcher(d);
        double highest = 0;
        while (points.find()) {
            highest = Math.max(highest, BASELINE - Double.parseDouble(points.group(1)));
        }
        return highest;
    }
}
