package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.rest.RestException;

/** The one group {@code rest}: RestStatistics' counters and gauges beside RestLatency's histograms. */
class RestStatisticsTest {
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private final RestStatistics statistics = new RestStatistics();

    @Test
    void eachOutcomeHasACounterAndAHistogramOfTheSameName() {
        List<String> outcomes = statistics.values().keySet().stream().filter(name -> name.startsWith("outcome_"))
                .map(name -> name.substring("outcome_".length())).toList();
        List<String> latencies = statistics.histograms().keySet().stream()
                .map(name -> name.substring("latency_".length())).toList();

        assertThat(outcomes).containsExactly("ok", "refused", "connect_timeout", "transfer_timeout",
                "already_connecting", "internal");
        assertThat(latencies).isEqualTo(outcomes);
    }

    @Test
    void resetTakesACounterOrAHistogramAndEmptiesThatOneOnly() {
        RestException refused = new RestException(RestException.REFUSED, "refused", null, null);
        statistics.ended(null, refused);
        statistics.timed(refused, MILLISECOND);
        statistics.timed(null, MILLISECOND);

        assertThat(statistics.reset("latency_refused")).isTrue();
        assertThat(statistics.histograms().get("latency_refused").count()).isZero();
        assertThat(statistics.histograms().get("latency_ok").count()).isEqualTo(1);
        assertThat(statistics.values()).containsEntry("outcome_refused", 1L);

        assertThat(statistics.reset("outcome_refused")).isTrue();
        assertThat(statistics.values()).containsEntry("outcome_refused", 0L);
        assertThat(statistics.histograms().get("latency_ok").count()).isEqualTo(1);

        assertThat(statistics.reset("latency_minus_1")).isFalse();
        assertThat(statistics.reset(RestStatistics.IN_FLIGHT)).isFalse();
    }

    @Test
    void latencyBucketsApplyToEveryHistogram() {
        statistics.latencyBuckets(List.of(0.05, 0.5));

        assertThat(statistics.histograms().values())
                .allSatisfy(histogram -> assertThat(histogram.upperBounds()).containsExactly(0.05, 0.5));
    }
}
