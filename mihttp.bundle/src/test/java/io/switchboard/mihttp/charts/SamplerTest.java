package io.switchboard.mihttp.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/** What a sample takes from the groups httpd and rest, and what it draws when they reset, go or fail. */
class SamplerTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final double[] BOUNDS = { 0.01, 0.1, 1 };

    /** A statistics group whose values the test sets. */
    private static final class Group implements MiStatistics {
        final Map<String, Long> values = new LinkedHashMap<>();
        final Map<String, MiHistogram> histograms = new LinkedHashMap<>();
        Set<String> gauges = Set.of();
        RuntimeException failure;

        @Override
        public Map<String, Long> values() {
            if (failure != null) {
                throw failure;
            }
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
            return false;
        }
    }

    private final Map<String, MiStatistics> groups = new HashMap<>();
    private long now = 1_000 * SECOND;
    private final Sampler sampler = new Sampler(groups::get, () -> now, 10);

    private void sampleAfter(long seconds) {
        now += seconds * SECOND;
        sampler.sample();
    }

    @Test
    void requestsPerRootAreRatesFromOneSampleToTheNext() {
        Group httpd = new Group();
        groups.put("httpd", httpd);
        httpd.values.put("mi_requests", 100L);
        httpd.values.put("mi_2xx", 100L);
        httpd.values.put("my_root_requests", 0L);
        sampleAfter(0);
        httpd.values.put("mi_requests", 150L);
        httpd.values.put("my_root_requests", 10L);
        sampleAfter(10);
        Timeline timeline = sampler.requests().timeline();
        assertThat(timeline.series().keySet()).containsExactly("mi", "my_root");
        assertThat(timeline.series().get("mi")).containsExactly(Double.NaN, 5.0);
        assertThat(timeline.series().get("my_root")).containsExactly(Double.NaN, 1.0);
    }

    @Test
    void aResetCounterLeavesAGapNotANegativeRate() {
        Group httpd = new Group();
        groups.put("httpd", httpd);
        httpd.values.put("mi_requests", 100L);
        sampleAfter(0);
        httpd.values.put("mi_requests", 3L);
        sampleAfter(10);
        httpd.values.put("mi_requests", 23L);
        sampleAfter(10);
        assertThat(sampler.requests().timeline().series().get("mi")).containsExactly(Double.NaN, Double.NaN, 2.0);
    }

    @Test
    void aGroupThatGoesHasNoValuesAndOneReplacedStartsAgain() {
        Group httpd = new Group();
        httpd.values.put("mi_requests", 100L);
        groups.put("httpd", httpd);
        sampleAfter(0);
        httpd.values.put("mi_requests", 110L);
        sampleAfter(10);
        groups.remove("httpd");
        sampleAfter(10);
        Group updated = new Group();
        // Counting from zero again, past the old value within one interval: not a rate across the two.
        updated.values.put("mi_requests", 500L);
        groups.put("httpd", updated);
        sampleAfter(10);
        updated.values.put("mi_requests", 520L);
        sampleAfter(10);
        Group replacedAtOnce = new Group();
        replacedAtOnce.values.put("mi_requests", 600L);
        groups.put("httpd", replacedAtOnce);
        sampleAfter(10);
        assertThat(sampler.requests().timeline().series().get("mi"))
                .containsExactly(Double.NaN, 1.0, Double.NaN, Double.NaN, 2.0, Double.NaN);
    }

    @Test
    void aRootLeavesTheChartsARingAfterItsLastSample() {
        Group httpd = new Group();
        groups.put("httpd", httpd);
        httpd.values.put("old_requests", 1L);
        sampleAfter(0);
        httpd.values.clear();
        for (int i = 0; i < 9; i++) {
            sampleAfter(10);
        }
        assertThat(sampler.requests().timeline().series()).containsOnlyKeys("old");
        sampleAfter(10);
        assertThat(sampler.requests().timeline().series()).isEmpty();
    }

    @Test
    void theP99OfEachRootComesFromItsLatencyHistogram() {
        Group httpd = new Group();
        groups.put("httpd", httpd);
        httpd.values.put("mi_requests", 0L);
        httpd.histograms.put("mi_latency", new MiHistogram(BOUNDS, new long[] { 0, 0, 0, 0 }, 0));
        httpd.histograms.put("other_histogram", new MiHistogram(BOUNDS, new long[] { 0, 0, 0, 0 }, 0));
        sampleAfter(0);
        httpd.histograms.put("mi_latency", new MiHistogram(BOUNDS, new long[] { 50, 50, 0, 0 }, 3));
        sampleAfter(10);
        sampleAfter(10);
        Timeline latency = sampler.latency().timeline();
        assertThat(latency.series()).containsOnlyKeys("mi");
        assertThat(latency.series().get("mi")).containsExactly(Double.NaN, 0.1, Double.NaN);
    }

    @Test
    void withoutHistogramsThereIsNoLatencySeries() {
        Group httpd = new Group();
        groups.put("httpd", httpd);
        httpd.values.put("mi_requests", 0L);
        sampleAfter(0);
        sampleAfter(10);
        assertThat(sampler.latency().timeline().series()).isEmpty();
        assertThat(sampler.requests().timeline().series()).containsOnlyKeys("mi");
    }

    @Test
    void restOutcomesAreRatesByOutcomeAndGaugesAreNoRates() {
        Group rest = new Group();
        groups.put("rest", rest);
        rest.values.put("get_requests", 0L);
        rest.values.put("outcome_ok", 0L);
        rest.values.put("outcome_refused", 0L);
        rest.values.put("outcome_in_flight", 4L);
        rest.gauges = Set.of("outcome_in_flight");
        sampleAfter(0);
        rest.values.put("outcome_ok", 20L);
        rest.values.put("outcome_refused", 2L);
        rest.values.put("outcome_in_flight", 0L);
        sampleAfter(2);
        Timeline outcomes = sampler.outcomes().timeline();
        assertThat(outcomes.series().keySet()).containsExactly("ok", "refused");
        assertThat(outcomes.series().get("ok")).containsExactly(Double.NaN, 10.0);
        assertThat(outcomes.series().get("refused")).containsExactly(Double.NaN, 1.0);
    }

    @Test
    void aGroupThatFailsToAnswerIsAwayForThatSample() {
        Group httpd = new Group();
        groups.put("httpd", httpd);
        httpd.values.put("mi_requests", 0L);
        sampleAfter(0);
        httpd.failure = new IllegalStateException("broken");
        sampleAfter(10);
        httpd.failure = null;
        httpd.values.put("mi_requests", 40L);
        sampleAfter(10);
        httpd.values.put("mi_requests", 50L);
        httpd.values.put("odd_requests", null);
        sampleAfter(10);
        assertThat(sampler.requests().timeline().series()).containsOnlyKeys("mi");
        assertThat(sampler.requests().timeline().series().get("mi"))
                .containsExactly(Double.NaN, Double.NaN, Double.NaN, 1.0);
    }
}
