package io.switchboard.mihttp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/** The statistics groups as the text Prometheus reads, written by the client's own writers. */
class StatisticsFamiliesTest {

    /** A group as a bundle would publish it. */
    private record Group(Map<String, Long> values, Set<String> gauges, Map<String, MiHistogram> histograms)
            implements MiStatistics {
        Group(Map<String, Long> values) {
            this(values, Set.of(), Map.of());
        }

        @Override
        public boolean reset(String name) {
            return false;
        }
    }

    private static final MiHistogram LATENCY = new MiHistogram(new double[] { 0.001, 0.01 }, new long[] { 5, 3, 2 },
            0.125);

    @Test
    void countersGaugesAndHistogramsAreTypedAsTheirGroupSays() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("hello_requests", 42L);
        values.put("in_flight", 3L);
        String text = text(Map.of(), Map.of("httpd", new Group(values, Set.of("in_flight"),
                Map.of("hello_latency_seconds", LATENCY))));
        assertThat(text).contains("""
                # HELP switchboard_httpd_hello_requests_total httpd:hello_requests
                # TYPE switchboard_httpd_hello_requests_total counter
                switchboard_httpd_hello_requests_total 42.0
                """).contains("""
                # TYPE switchboard_httpd_in_flight gauge
                switchboard_httpd_in_flight 3.0
                """).contains("""
                # HELP switchboard_httpd_hello_latency_seconds httpd:hello_latency_seconds
                # TYPE switchboard_httpd_hello_latency_seconds histogram
                switchboard_httpd_hello_latency_seconds_bucket{le="0.001"} 5
                switchboard_httpd_hello_latency_seconds_bucket{le="0.01"} 8
                switchboard_httpd_hello_latency_seconds_bucket{le="+Inf"} 10
                switchboard_httpd_hello_latency_seconds_count 10
                switchboard_httpd_hello_latency_seconds_sum 0.125
                """);
    }

    @Test
    void namesTakeOnlyCharactersPrometheusNamesHold() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("container:bundle_list_calls", 1L);
        values.put("x.y-z", 2L);
        values.put("requests_total", 3L);
        String text = text(Map.of("prefix", "", "delimiter", ""), Map.of("9mi", new Group(values)));
        assertThat(text).contains("_9micontainer_bundle_list_calls_total 1.0")
                .contains("_9mix_y_z_total 2.0").contains("_9mirequests_total 3.0")
                .doesNotContain("requests_total_total");
    }

    @Test
    void groupModeNoneLeavesTheGroupOutAndTheFirstGroupKeepsASharedName() throws Exception {
        String text = text(Map.of("group_mode", 0, "prefix", "opensips"), groups(
                "a", new Group(Map.of("requests", 1L, "only_a", 5L)),
                "b", new Group(Map.of("requests", 2L))));
        assertThat(text).contains("opensips_requests_total 1.0").contains("opensips_only_a_total 5.0")
                .doesNotContain("opensips_requests_total 2.0");
    }

    @Test
    void groupModeLabelGivesEachGroupASeriesOfOneFamily() throws Exception {
        Map<String, Long> httpd = new LinkedHashMap<>();
        httpd.put("requests", 1L);
        httpd.put("x-y", 7L);
        httpd.put("x_y", 8L);
        String text = text(Map.of("group_mode", 2, "group_label", "module", "group_prefix", "sb_"), groups(
                "httpd", new Group(httpd),
                "xhttp", new Group(Map.of("requests", 2L)),
                "rest", new Group(Map.of("requests", 3L), Set.of("requests"), Map.of())));
        assertThat(text).contains("""
                # HELP switchboard_requests_total requests of the group in label module
                # TYPE switchboard_requests_total counter
                switchboard_requests_total{module="sb_httpd"} 1.0
                switchboard_requests_total{module="sb_xhttp"} 2.0
                """).as("a gauge cannot join a counter family").doesNotContain("sb_rest")
                .as("one series per group").contains("switchboard_x_y_total{module=\"sb_httpd\"} 7.0")
                .doesNotContain("8.0");
    }

    @Test
    void aNameThatWouldWriteAnotherFamilysSamplesIsLeftOut() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("x", 1L);
        values.put("x_total", 2L);
        values.put("lat_count", 3L);
        values.put("a-b", 4L);
        values.put("a_b", 5L);
        values.put("y_total", 6L);
        values.put("y", 7L);
        String text = text(Map.of(), Map.of("g", new Group(values, Set.of("x_total", "lat_count", "y"),
                Map.of("lat", LATENCY))));
        assertThat(text).contains("switchboard_g_x_total 1.0").doesNotContain("switchboard_g_x_total 2.0")
                .contains("switchboard_g_lat_count 3.0").doesNotContain("TYPE switchboard_g_lat histogram")
                .contains("switchboard_g_a_b_total 4.0").doesNotContain("switchboard_g_a_b_total 5.0")
                .as("OpenMetrics names the counter y_total y").contains("switchboard_g_y_total 6.0")
                .doesNotContain("switchboard_g_y 7.0");
    }

    @Test
    void theJvmsNamesComeFirst() throws Exception {
        ExposedNames exposed = new ExposedNames(16);
        exposed.claim(GaugeSnapshot.builder().name("jvm_threads_current").build());
        List<?> families = new StatisticsFamilies(Settings.of(Map.of("prefix", "jvm", "group_mode", 0)),
                new ScrapeLog()).of(Map.of("core", new Group(Map.of("threads_current", 7L, "uptime", 1L))), exposed);
        assertThat(families).hasSize(1);
    }

    @Test
    void aValuePrometheusCannotTakeOrAFailingGroupLeavesTheRestServed() throws Exception {
        MiStatistics failing = new MiStatistics() {
            @Override
            public Map<String, Long> values() {
                throw new IllegalStateException("broken");
            }

            @Override
            public boolean reset(String name) {
                return false;
            }
        };
        String text = text(Map.of(), groups(
                "a", new Group(Map.of("negative", -1L)),
                "b", failing,
                "c", new Group(Map.of(), Set.of(), Map.of("odd", new MiHistogram(new double[] { 1 },
                        new long[] { -1, 2 }, 0))),
                "d", new Group(Map.of("fine", 1L))));
        assertThat(text).doesNotContain("negative").doesNotContain("odd").contains("switchboard_d_fine_total 1.0");
    }

    @Test
    void openMetricsIsWrittenWhenAsked() throws Exception {
        MetricSnapshots snapshots = new MetricSnapshots(new StatisticsFamilies(Settings.of(Map.of()), new ScrapeLog())
                .of(Map.of("httpd", new Group(Map.of("hello_requests", 42L))), new ExposedNames(16)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenMetricsTextFormatWriter.create().write(out, snapshots);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("""
                # TYPE switchboard_httpd_hello_requests counter
                # HELP switchboard_httpd_hello_requests httpd:hello_requests
                switchboard_httpd_hello_requests_total 42.0
                """).endsWith("# EOF\n");
    }

    private static Map<String, MiStatistics> groups(Object... groupAndStatistics) {
        Map<String, MiStatistics> groups = new TreeMap<>();
        for (int i = 0; i < groupAndStatistics.length; i += 2) {
            groups.put((String) groupAndStatistics[i], (MiStatistics) groupAndStatistics[i + 1]);
        }
        return groups;
    }

    /** Names are made once and kept: a later scrape serves what the groups say then, as they say it. */
    @Test
    void aLaterScrapeServesTheGroupsAsTheyAreThen() throws Exception {
        StatisticsFamilies families = new StatisticsFamilies(Settings.of(Map.of()), new ScrapeLog());
        Map<String, Long> first = new LinkedHashMap<>();
        first.put("requests_total", 1L);
        first.put("level", 2L);
        scrape(families, Map.of("shop", new Group(first, Set.of(), Map.of("level", LATENCY))));

        Map<String, Long> then = new LinkedHashMap<>();
        then.put("requests_total", 5L);
        then.put("level", 7L);
        String text = scrape(families, Map.of("shop", new Group(then, Set.of("level"), Map.of("level", LATENCY)),
                "other", new Group(Map.of("x", 1L))));
        assertThat(text).contains("switchboard_shop_requests_total 5.0").doesNotContain("requests_total_total")
                .contains("# TYPE switchboard_shop_level gauge\nswitchboard_shop_level 7.0")
                .contains("switchboard_other_x_total 1.0");
        // The histogram of the same name is another family's: left out, as in the first scrape.
        assertThat(text).doesNotContain("switchboard_shop_level_bucket");

        assertThat(scrape(families, Map.of("other", new Group(Map.of("x", 2L))))).doesNotContain("shop")
                .contains("switchboard_other_x_total 2.0");
    }

    private static String scrape(StatisticsFamilies families, Map<String, MiStatistics> groups) throws Exception {
        return write(new MetricSnapshots(families.of(new TreeMap<>(groups), new ExposedNames(16))));
    }

    private static String text(Map<String, Object> properties, Map<String, MiStatistics> groups) throws Exception {
        StatisticsFamilies families = new StatisticsFamilies(Settings.of(properties), new ScrapeLog());
        return write(new MetricSnapshots(families.of(groups, new ExposedNames(16))));
    }

    private static String write(MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots);
        return out.toString(StandardCharsets.UTF_8);
    }
}
