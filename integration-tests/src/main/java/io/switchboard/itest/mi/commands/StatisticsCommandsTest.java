package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.mi.MiStatistics;

/** get/list/reset_statistics over the counters httpd keeps per root, after real requests. */
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
