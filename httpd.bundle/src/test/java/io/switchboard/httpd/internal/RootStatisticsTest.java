package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiHistogram;
import io.switchboard.support.stats.LatencyHistogram;

class RootStatisticsTest {
    private final RootStatistics statistics = new RootStatistics();

    @Test
    void eachRootHasALatencyHistogramWithTheDefaultBounds() {
        statistics.of("b").responded(200, 0, 5, TimeUnit.MILLISECONDS.toNanos(3));
        statistics.of(RootHandler.FALLBACK).responded(404, 0, 5, TimeUnit.MILLISECONDS.toNanos(30));
        statistics.of("a");

        assertThat(statistics.histograms()).containsOnlyKeys("a_latency", "b_latency", "fallback_latency");
        assertThat(statistics.histograms().keySet()).containsExactly("a_latency", "b_latency", "fallback_latency");
        MiHistogram b = statistics.histograms().get("b_latency");
        assertThat(b.upperBounds()).containsExactly(LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS));
        assertThat(b.count()).isEqualTo(1);
        assertThat(b.counts()[2]).as("in (2.5 ms, 5 ms]").isEqualTo(1);
        assertThat(statistics.histograms().get("a_latency").count()).isZero();
        assertThat(statistics.values()).doesNotContainKey("b_latency");
    }

    @Test
    void resetTakesAHistogramsNameAndEmptiesThatOneOnly() {
        statistics.of("a").responded(200, 0, 5, 1_000);
        statistics.of("b").responded(200, 0, 5, 1_000);

        assertThat(statistics.reset("a_latency")).isTrue();
        assertThat(statistics.reset("c_latency")).isFalse();

        assertThat(statistics.histograms().get("a_latency").count()).isZero();
        assertThat(statistics.histograms().get("a_latency").sum()).isZero();
        assertThat(statistics.histograms().get("b_latency").count()).isEqualTo(1);
        assertThat(statistics.values()).containsEntry("a_2xx", 1L);
    }

    @Test
    void newBoundsStartEveryHistogramAfreshAndSameBoundsKeepTheCounts() {
        statistics.of("a").responded(200, 0, 5, 1_000);
        statistics.latencyBounds(List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0));
        assertThat(statistics.histograms().get("a_latency").count()).as("the default again: kept").isEqualTo(1);

        statistics.latencyBounds(List.of(0.05, 0.5));
        statistics.of("later");

        assertThat(statistics.histograms().get("a_latency").upperBounds()).containsExactly(0.05, 0.5);
        assertThat(statistics.histograms().get("a_latency").count()).isZero();
        assertThat(statistics.histograms().get("later_latency").upperBounds()).containsExactly(0.05, 0.5);
        statistics.of("a").responded(200, 0, 5, TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(statistics.histograms().get("a_latency").counts()).containsExactly(0, 1, 0);
    }

    @Test
    void countersOnlyStopTheHistogramsAndAllStartsThemAgain() {
        statistics.of("a").responded(200, 0, 5, TimeUnit.MILLISECONDS.toNanos(3));
        statistics.counting(RootStatistics.Counting.COUNTERS);
        statistics.of("a").requested();
        statistics.of("a").responded(200, 0, 5, TimeUnit.MILLISECONDS.toNanos(3));
        statistics.of("later").responded(200, 0, 5, TimeUnit.MILLISECONDS.toNanos(3));

        assertThat(statistics.values()).containsEntry("a_requests", 1L).containsEntry("a_2xx", 2L)
                .containsEntry("later_2xx", 1L);
        assertThat(statistics.histograms().get("a_latency").count()).as("frozen").isEqualTo(1);
        assertThat(statistics.histograms().get("later_latency").count()).isZero();

        statistics.counting(RootStatistics.Counting.ALL);
        statistics.of("later").responded(200, 0, 5, TimeUnit.MILLISECONDS.toNanos(3));
        assertThat(statistics.histograms().get("later_latency").count()).isEqualTo(1);
    }

    @Test
    void noneCountsNothingAndKeepsWhatWasCountedListed() {
        statistics.of("a").requested();
        statistics.of("a").responded(200, 3, 5, TimeUnit.MILLISECONDS.toNanos(3));
        statistics.counting(RootStatistics.Counting.NONE);
        statistics.of("a").requested();
        statistics.of("a").responded(500, 3, 5, TimeUnit.MILLISECONDS.toNanos(3));
        statistics.of("a").held();
        statistics.of("new").requested();
        statistics.list("listed");

        assertThat(statistics.values()).containsEntry("a_requests", 1L).containsEntry("a_2xx", 1L)
                .containsEntry("a_5xx", 0L).containsEntry("a_bytes_in", 3L).containsEntry("a_held", 0L)
                .containsEntry("listed_requests", 0L).doesNotContainKey("new_requests");
        assertThat(statistics.histograms().get("a_latency").count()).isEqualTo(1);

        statistics.counting(RootStatistics.Counting.ALL);
        statistics.of("a").requested();
        assertThat(statistics.values()).containsEntry("a_requests", 2L);
    }

    @Test
    void countingIsNamedAsTheSettingWritesIt() {
        assertThat(RootStatistics.Counting.named("Counters")).isEqualTo(RootStatistics.Counting.COUNTERS);
        assertThat(RootStatistics.Counting.named("off")).isNull();
        assertThat(RootStatistics.Counting.NONE.text()).isEqualTo("none");
    }
}
