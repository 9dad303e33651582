package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiStatistics;

class ConfiguredCheckTest {
    private final ConfiguredCheck check = new ConfiguredCheck();

    private static MiStatistics statistics(Map<String, Long> values, Set<String> gauges) {
        return new MiStatistics() {
            @Override
            public Map<String, Long> values() {
                return values;
            }

            @Override
            public Set<String> gauges() {
                return gauges;
            }

            @Override
            public boolean reset(String name) {
                return false;
            }
        };
    }

    private void group(String name, Map<String, Long> values, Set<String> gauges) {
        check.bindStatistics(statistics(values, gauges), Map.of(MiStatistics.GROUP, name));
    }

    private static String text(Result result) {
        StringBuilder text = new StringBuilder();
        result.forEach(entry -> text.append(entry.getMessage()).append('\n'));
        return text.toString();
    }

    @Test
    void everyGroupWithTheGaugeAtOneIsOkAndNamed() {
        group("xhttp", Map.of("events", 3L, "configured", 1L), Set.of("configured"));
        group("rest", Map.of("configured", 1L), Set.of("configured"));
        group("httpd", Map.of("hello_requests", 0L), Set.of());

        Result result = check.execute();
        assertThat(result.getStatus()).isEqualTo(Result.Status.OK);
        assertThat(text(result)).isEqualTo("configured: rest, xhttp\n");
    }

    @Test
    void aGroupAtZeroIsCriticalAndNamedTheOthersNot() {
        group("xhttp", Map.of("configured", 1L), Set.of("configured"));
        group("microhttpd", Map.of("configured", 0L), Set.of("configured"));

        Result result = check.execute();
        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(text(result)).isEqualTo("microhttpd serves nothing: no valid configuration is in force (statistic "
                + "microhttpd:configured is 0; the log names the setting that was refused)\n");
    }

    @Test
    void aCounterNamedConfiguredIsNotTheGaugeAndAGroupThatLeftIsForgotten() {
        group("shop", Map.of("configured", 0L), Set.of());
        MiStatistics gone = statistics(Map.of("configured", 0L), Set.of("configured"));
        check.bindStatistics(gone, Map.of(MiStatistics.GROUP, "gone"));
        check.unbindStatistics(gone);

        Result result = check.execute();
        assertThat(result.getStatus()).isEqualTo(Result.Status.OK);
        assertThat(text(result)).isEqualTo("no running module says whether it is configured\n");
    }

    @Test
    void aModuleNotRunningSaysNothingAndTwoServicesOfAGroupMustBothBeConfigured() {
        group("rest", Map.of("in_flight", 0L), Set.of("configured", "in_flight"));
        group("microhttpd", Map.of("configured", 1L), Set.of("configured"));
        group("microhttpd", Map.of("configured", 0L), Set.of("configured"));

        Result result = check.execute();
        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(text(result)).startsWith("microhttpd serves nothing").doesNotContain("rest");
    }

    @Test
    void aGroupThatFailsIsAWarningAndTheOthersAreRead() {
        check.bindStatistics(new MiStatistics() {
            @Override
            public Map<String, Long> values() {
                throw new IllegalStateException("broken");
            }

            @Override
            public Set<String> gauges() {
                return Set.of("configured");
            }

            @Override
            public boolean reset(String name) {
                return false;
            }
        }, Map.of(MiStatistics.GROUP, "broken"));
        group("xhttp", Map.of("configured", 1L), Set.of("configured"));

        Result result = check.execute();
        assertThat(result.getStatus()).isEqualTo(Result.Status.WARN);
        assertThat(text(result)).contains("statistics group broken could not be read: java.lang.IllegalStateException: "
                + "broken").contains("configured: xhttp");
    }
}
