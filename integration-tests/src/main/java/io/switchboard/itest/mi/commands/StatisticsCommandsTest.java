package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/**
 * get/list/reset_statistics over the counters httpd keeps per root, after real requests, and over a
 * group of the test's own with a gauge and a histogram.
 */
class StatisticsCommandsTest {
    @InjectBundleContext
    BundleContext context;

    /** httpd's counters outlive the handlers, so each test starts from zero. */
    @BeforeEach
    void threeRequestsToOneRoot() throws Exception {
        int port = Httpd.port();
        List<String> counted = MiCalls.map(MiCalls.call("list_statistics")).keySet().stream()
                .filter(name -> name.startsWith("httpd:mistats_")).toList();
        if (!counted.isEmpty()) {
            MiCalls.call("reset_statistics", Map.of("statistics", counted));
        }
        Handlers.register(context, "mistats", Handlers.echo("stats"));
        for (int i = 0; i < 3; i++) {
            assertThat(Loopback.get(port, "/mistats/" + i).statusCode()).isEqualTo(200);
        }
        // httpd counts a response once it is complete, which may be just after the client has it.
        Configs.await("3 requests counted", Duration.ofSeconds(5), () -> Long.valueOf(3).equals(
                MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "httpd:mistats_2xx"))).get("httpd:mistats_2xx")));
    }

    /** As OpenSIPS lists a module's statistics as soon as they exist: a root's counters, at zero, from its registration. */
    @Test
    void aRootsCountersAreListedAtZeroBeforeItsFirstRequest() throws Exception {
        Handlers.register(context, "untouched", Handlers.echo("untouched"));
        Map<String, Object> group = MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "httpd:")));
        assertThat(group).containsEntry("httpd:untouched_requests", 0L).containsEntry("httpd:untouched_2xx", 0L)
                .containsEntry("httpd:untouched_bytes_out", 0L).containsKey("httpd:mi_requests");
    }

    @Test
    void getStatisticsTakesOneNameAGroupAllOrAnArray() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "httpd:mistats_requests"))))
                .containsExactly(Map.entry("httpd:mistats_requests", 3L));
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "mistats_requests"))))
                .containsExactly(Map.entry("httpd:mistats_requests", 3L));
        Map<String, Object> group = MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", List.of("httpd:"))));
        assertThat(group).containsEntry("httpd:mistats_requests", 3L).containsEntry("httpd:mistats_2xx", 3L)
                .containsEntry("httpd:mistats_4xx", 0L).containsKeys("httpd:mistats_bytes_in");
        assertThat((Long) group.get("httpd:mistats_bytes_out")).isPositive();
        assertThat(group.keySet()).allMatch(name -> name.startsWith("httpd:"));
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "all")))).containsAllEntriesOf(group);
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics",
                List.of("httpd:mistats_2xx", "httpd:no_such", "httpd:mistats_requests"))))).containsOnlyKeys(
                        "httpd:mistats_requests", "httpd:mistats_2xx");
    }

    @Test
    void listStatisticsNamesCountersAsOpenSipsDoes() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("list_statistics"))).containsEntry("httpd:mistats_requests", "incremental");
        Map<String, Object> group = MiCalls.map(MiCalls.call("list_statistics", Map.of("statistics", "httpd:")));
        assertThat(group).containsEntry("httpd:mistats_5xx", "incremental").doesNotContainValue(3L);
        assertThat(MiCalls.map(MiCalls.call("list_statistics", Map.of("statistics", List.of("httpd:mistats_2xx")))))
                .containsExactly(Map.entry("httpd:mistats_2xx", "incremental"));
    }

    @Test
    void resetStatisticsZeroesTheCountersNamedOnly() throws Exception {
        assertThat(MiCalls.call("reset_statistics", Map.of("statistics", List.of("httpd:mistats_requests")))).isEqualTo("OK");
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "httpd:")))).containsEntry("httpd:mistats_requests", 0L)
                .containsEntry("httpd:mistats_2xx", 3L);
    }

    @Test
    void statisticsNoneMatchesAre404AndAMissingParameterIsInvalidParams() throws Exception {
        for (String command : List.of("get_statistics", "list_statistics", "reset_statistics")) {
            assertThat(MiCalls.failure(404, command, Map.of("statistics", List.of("httpd:no_such", "nogroup:")))
                    .getMessage()).isEqualTo("Statistics Not Found");
        }
        MiCalls.failure(404, "get_statistics", Map.of("statistics", List.of()));
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "all")))).isNotNull();
        MiCalls.failure(-32602, "get_statistics", Map.of("statistics", Map.of("httpd", "x")));
        MiCalls.failure(-32602, "reset_statistics", Map.of());
    }

    @Test
    void theHighestRankedServiceOfAGroupShowsAndTheNextTakesOver() throws Exception {
        ServiceRegistration<MiStatistics> first = register(0, 1);
        ServiceRegistration<MiStatistics> higher = register(5, 2);
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "itest:")))).containsExactly(Map.entry("itest:value", 2L));
        higher.unregister();
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "itest:")))).containsExactly(Map.entry("itest:value", 1L));
        first.unregister();
        MiCalls.failure(404, "get_statistics", Map.of("statistics", "itest:"));
    }

    @Test
    void aGaugeIsNonIncrementalAndAHistogramShowsAsItsCountAndSum() throws Exception {
        Levels levels = new Levels();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MiStatistics.GROUP, "itest_levels");
        context.registerService(MiStatistics.class, levels, properties);
        assertThat(MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "itest_levels:")))).containsExactly(
                Map.entry("itest_levels:done", 5L), Map.entry("itest_levels:queued", 3L),
                Map.entry("itest_levels:wait_count", 3L), Map.entry("itest_levels:wait_sum", 0.75));
        assertThat(MiCalls.map(MiCalls.call("list_statistics", Map.of("statistics", "itest_levels:")))).containsExactly(
                Map.entry("itest_levels:done", "incremental"), Map.entry("itest_levels:queued", "non-incremental"),
                Map.entry("itest_levels:wait_count", "incremental"), Map.entry("itest_levels:wait_sum", "incremental"));
        JsonNode overHttp = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_statistics\","
                + "\"params\":{\"statistics\":[\"itest_levels:wait_sum\",\"queued\"]},\"id\":1}").path("result");
        assertThat(overHttp.toString()).isEqualTo("{\"itest_levels:queued\":3,\"itest_levels:wait_sum\":0.75}");

        MiException refused = MiCalls.failure(400, "reset_statistics", Map.of("statistics", List.of("itest_levels:queued",
                "itest_levels:done")));
        assertThat(refused.getMessage()).isEqualTo("Statistics Not Resettable");
        assertThat(refused.data()).isEqualTo("itest_levels:queued is a gauge (non-incremental): a level, not a count, "
                + "which reset_statistics leaves as it is");
        assertThat(levels.resets).as("nothing reset when a gauge is named").isEmpty();
        assertThat(MiCalls.call("reset_statistics", Map.of("statistics", "itest_levels:"))).isEqualTo("OK");
        assertThat(levels.resets).containsExactly("done", "wait");
    }

    /** A group of one counter, one gauge and one histogram, which records the resets asked of it. */
    private static final class Levels implements MiStatistics {
        final List<String> resets = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Long> values() {
            Map<String, Long> values = new LinkedHashMap<>();
            values.put("done", 5L);
            values.put("queued", 3L);
            return values;
        }

        @Override
        public Set<String> gauges() {
            return Set.of("queued");
        }

        @Override
        public Map<String, MiHistogram> histograms() {
            return Map.of("wait", new MiHistogram(new double[] { 0.1, 0.5 }, new long[] { 1, 2, 0 }, 0.75));
        }

        @Override
        public boolean reset(String name) {
            resets.add(name);
            return true;
        }
    }

    private ServiceRegistration<MiStatistics> register(int ranking, long value) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MiStatistics.GROUP, "itest");
        properties.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(MiStatistics.class, new MiStatistics() {
            @Override
            public Map<String, Long> values() {
                Map<String, Long> values = new LinkedHashMap<>();
                values.put("value", value);
                return values;
            }

            @Override
            public boolean reset(String name) {
                return false;
            }
        }, properties);
    }
}
