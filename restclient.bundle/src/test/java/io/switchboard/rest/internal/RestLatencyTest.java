package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiHistogram;
import io.switchboard.rest.RestException;
import io.switchboard.support.stats.LatencyHistogram;

class RestLatencyTest {
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private final RestLatency latency = new RestLatency();

    @Test
    void eachOutcomeHasAHistogramNamedAsItsCounter() {
        latency.record(null, MILLISECOND);
        latency.record(failure(RestException.REFUSED), MILLISECOND);
        latency.record(failure(RestException.CONNECT_TIMEOUT), MILLISECOND);
        latency.record(failure(RestException.CONNECT_TIMEOUT), MILLISECOND);
        latency.record(failure(RestException.TRANSFER_TIMEOUT), MILLISECOND);
        latency.record(failure(RestException.ALREADY_CONNECTING), MILLISECOND);
        latency.record(failure(RestException.INTERNAL), MILLISECOND);

        Map<String, MiHistogram> histograms = latency.histograms();
        assertThat(histograms.keySet()).containsExactly("latency_ok", "latency_refused", "latency_connect_timeout",
                "latency_transfer_timeout", "latency_already_connecting", "latency_internal");
        assertThat(histograms.values()).extracting(MiHistogram::count).containsExactly(1L, 1L, 2L, 1L, 1L, 1L);
        assertThat(histograms.get("latency_ok").upperBounds())
                .containsExactly(LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS));
    }

    @Test
    void aWrappedFailureCountsAsItsCauseAndACallerThatGaveUpAsInternal() {
        latency.record(new CompletionException(failure(RestException.TRANSFER_TIMEOUT)), MILLISECOND);
        latency.record(new CancellationException(), MILLISECOND);
        latency.record(new TimeoutException(), MILLISECOND);
        latency.record(failure(-99), MILLISECOND);

        assertThat(latency.histograms().get("latency_transfer_timeout").count()).isEqualTo(1);
        assertThat(latency.histograms().get("latency_internal").count()).isEqualTo(3);
    }

    @Test
    void resetEmptiesTheNamedHistogramOnly() {
        latency.record(null, MILLISECOND);
        latency.record(failure(RestException.REFUSED), MILLISECOND);

        assertThat(latency.reset("latency_ok")).isTrue();
        assertThat(latency.reset("latency_minus_1")).isFalse();

        assertThat(latency.histograms().get("latency_ok").count()).isZero();
        assertThat(latency.histograms().get("latency_refused").count()).isEqualTo(1);
    }

    @Test
    void newBoundsStartEveryHistogramAfreshAndSameBoundsKeepTheCounts() {
        latency.record(null, MILLISECOND);
        latency.bounds(List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0));
        assertThat(latency.histograms().get("latency_ok").count()).as("the default again: kept").isEqualTo(1);

        latency.bounds(List.of(0.05, 0.5));

        assertThat(latency.histograms().get("latency_ok").count()).isZero();
        latency.record(null, 100 * MILLISECOND);
        assertThat(latency.histograms().get("latency_ok").upperBounds()).containsExactly(0.05, 0.5);
        assertThat(latency.histograms().get("latency_ok").counts()).containsExactly(0, 1, 0);
    }

    private static RestException failure(int code) {
        return new RestException(code, "failed", null, null);
    }
}
