package io.switchboard.support.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiHistogram;

class LatencyHistogramTest {

    @Test
    void aBoundIsInclusiveAndWhatIsAboveEveryBoundCountsLast() {
        LatencyHistogram histogram = new LatencyHistogram(LatencyHistogram.parseBounds("0.001, 0.01"));
        histogram.record(TimeUnit.MICROSECONDS.toNanos(500));
        histogram.record(TimeUnit.MILLISECONDS.toNanos(1));
        histogram.record(TimeUnit.MILLISECONDS.toNanos(5));
        histogram.record(TimeUnit.SECONDS.toNanos(2));

        MiHistogram snapshot = histogram.snapshot();
        assertThat(snapshot.counts()).containsExactly(2, 1, 1);
        assertThat(snapshot.sum()).isCloseTo(2.0065, org.assertj.core.data.Offset.offset(1e-9));

        histogram.reset();
        assertThat(histogram.snapshot().count()).isZero();
    }

    @Test
    void theDefaultBoundsParse() {
        assertThat(LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS)).hasSize(13).startsWith(0.001);
    }

    @Test
    void badBoundsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> LatencyHistogram.parseBounds("")).hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> LatencyHistogram.parseBounds("0.1,ten")).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> LatencyHistogram.parseBounds("0.1,0.05")).hasMessageContaining("ascending");
        assertThatThrownBy(() -> LatencyHistogram.parseBounds("0,1")).hasMessageContaining("above 0");
    }
}
