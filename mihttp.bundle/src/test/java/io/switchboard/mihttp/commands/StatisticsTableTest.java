package io.switchboard.mihttp.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiException;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

class StatisticsTableTest {
    /** A group with counters {@code requests} and {@code errors}, gauge {@code in_flight} and histogram {@code latency}. */
    private final Group rest = Group.rest();
    private final StatisticsTable table = new StatisticsTable(new TreeMap<>(Map.of("rest", rest, "quiet", new Group())));

    @Test
    void histogramsShowAsTheirCountAndSumAfterTheValues() throws Exception {
        assertThat(table.values(StatisticsSelection.of(List.of("rest:")))).containsExactly(
                Map.entry("rest:requests", 7L), Map.entry("rest:in_flight", 2L), Map.entry("rest:errors", 1L),
                Map.entry("rest:latency_count", 3L), Map.entry("rest:latency_sum", 0.75));
        assertThat(table.values(StatisticsSelection.of(List.of("latency_sum", "rest:latency_count"))))
                .containsExactly(Map.entry("rest:latency_count", 3L), Map.entry("rest:latency_sum", 0.75));
    }

    @Test
    void listStatisticsCallsGaugesNonIncremental() throws Exception {
        assertThat(table.types(StatisticsSelection.everything())).containsExactly(
                Map.entry("rest:requests", "incremental"), Map.entry("rest:in_flight", "non-incremental"),
                Map.entry("rest:errors", "incremental"), Map.entry("rest:latency_count", "incremental"),
                Map.entry("rest:latency_sum", "incremental"));
    }

    @Test
    void aGaugeNamedInTheGroupButMissingFromTheValuesChangesNothing() throws Exception {
        rest.gauges = Set.of("in_flight", "gone");
        assertThat(table.types(StatisticsSelection.of(List.of("rest:")))).doesNotContainKey("rest:gone");
    }

    @Test
    void resettingAGroupResetsItsCountsAndEachHistogramOnceButNoGauge() throws Exception {
        table.reset(StatisticsSelection.of(List.of("rest:")));
        assertThat(rest.resets).containsExactly("requests", "errors", "latency");
    }

    @Test
    void resettingAllPassesOverGaugesToo() throws Exception {
        table.reset(StatisticsSelection.everything());
        assertThat(rest.resets).containsExactly("requests", "errors", "latency");
    }

    @Test
    void aHistogramsSumResetsTheHistogram() throws Exception {
        table.reset(StatisticsSelection.of(List.of("rest:latency_sum")));
        assertThat(rest.resets).containsExactly("latency");
    }

    @Test
    void namingAGaugeRefusesTheWholeResetAndSaysWhy() {
        for (List<String> named : List.of(List.of("rest:in_flight"), List.of("in_flight", "rest:requests"),
                List.of("rest:", "rest:in_flight"))) {
            MiException refused = catchThrowableOfType(() -> table.reset(StatisticsSelection.of(named)),
                    MiException.class);
            assertThat(refused).as(named.toString()).isNotNull();
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.getMessage()).isEqualTo("Statistics Not Resettable");
            assertThat(String.valueOf(refused.data())).isEqualTo(
                    "rest:in_flight is a gauge (non-incremental): a level, not a count, which reset_statistics leaves as it is");
        }
        assertThat(rest.resets).as("nothing reset when one name is refused").isEmpty();
    }

    @Test
    void aSelectionOfNothingIsNotFoundButAnEmptyGroupIsFound() throws Exception {
        for (List<String> nothing : List.of(List.of("rest:nothing"), List.of("nogroup:"), List.of("quiet:x"))) {
            MiException missing = catchThrowableOfType(() -> table.values(StatisticsSelection.of(nothing)),
                    MiException.class);
            assertThat(missing.code()).isEqualTo(404);
            assertThat(missing.getMessage()).isEqualTo("Statistics Not Found");
        }
        assertThat(table.values(StatisticsSelection.of(List.of("quiet:")))).isEmpty();
        table.reset(StatisticsSelection.of(List.of("quiet:")));
    }

    /** A statistics group as a bundle would publish it, which records the resets it is asked for. */
    private static final class Group implements MiStatistics {
        final Map<String, Long> values = new LinkedHashMap<>();
        final Map<String, MiHistogram> histograms = new LinkedHashMap<>();
        Set<String> gauges = Set.of();
        final List<String> resets = new ArrayList<>();

        static Group rest() {
            Group rest = new Group();
            rest.values.put("requests", 7L);
            rest.values.put("in_flight", 2L);
            rest.values.put("errors", 1L);
            rest.gauges = Set.of("in_flight");
            rest.histograms.put("latency", new MiHistogram(new double[] { 0.1, 0.5 }, new long[] { 1, 2, 0 }, 0.75));
            return rest;
        }

        @Override
        public Map<String, Long> values() {
            return values;
        }

        @Override
        public Set<String> gauges() {
            return gauges;
        }

        @Override
        public Map<String, MiHistogram> histograms() {
            return histograms;
        }

        @Override
        public boolean reset(String name) {
            resets.add(name);
            return true;
        }
    }
}
