package io.switchboard.mihttp.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiHistogram;

/** Rates from counter deltas and the p99 bound from bucket deltas, and what neither may draw. */
class DeltasTest {
    private static final double[] BOUNDS = { 0.001, 0.01, 0.1, 1 };

    private static MiHistogram histogram(long... counts) {
        return new MiHistogram(BOUNDS, counts, 0);
    }

    @Test
    void aRateIsTheIncreasePerSecond() {
        assertThat(Deltas.perSecond(100, 150, 10_000_000_000L)).isEqualTo(5.0);
        assertThat(Deltas.perSecond(7, 7, 1_000_000_000L)).isZero();
        assertThat(Deltas.perSecond(0, 1, 500_000_000L)).isEqualTo(2.0);
    }

    @Test
    void aCounterThatWentBackOrNoElapsedTimeHasNoRate() {
        assertThat(Deltas.perSecond(150, 20, 10_000_000_000L)).isNaN();
        assertThat(Deltas.perSecond(1, 2, 0)).isNaN();
        assertThat(Deltas.perSecond(1, 2, -5)).isNaN();
    }

    @Test
    void theP99IsTheBoundOfTheBucketThatReaches99PercentOfTheObservationsInBetween() {
        // Before: 1000 slow ones, which must not count; in between: 99 fast, 1 slow.
        MiHistogram before = histogram(0, 0, 0, 1000, 0);
        assertThat(Deltas.p99(before, histogram(99, 0, 0, 1001, 0))).isEqualTo(0.001);
        // 98 fast, 2 slow: the 99th observation is a slow one.
        assertThat(Deltas.p99(before, histogram(98, 0, 0, 1002, 0))).isEqualTo(1.0);
        // 150 observations: rank 149 (ceil of 148.5) lies in the third bucket.
        assertThat(Deltas.p99(histogram(0, 0, 0, 0, 0), histogram(100, 48, 1, 1, 0))).isEqualTo(0.1);
        assertThat(Deltas.p99(histogram(0, 0, 0, 0, 0), histogram(100, 49, 0, 1, 0))).isEqualTo(0.01);
        // One observation is its own p99.
        assertThat(Deltas.p99(histogram(5, 5, 5, 5, 0), histogram(5, 6, 5, 5, 0))).isEqualTo(0.01);
    }

    @Test
    void aP99AboveEveryBoundIsInfinite() {
        assertThat(Deltas.p99(histogram(0, 0, 0, 0, 0), histogram(90, 0, 0, 0, 10)))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void noObservationInBetweenAResetOrOtherBoundsHaveNoP99() {
        assertThat(Deltas.p99(histogram(3, 2, 1, 0, 0), histogram(3, 2, 1, 0, 0))).isNaN();
        assertThat(Deltas.p99(histogram(300, 2, 1, 0, 0), histogram(5, 9, 1, 0, 0))).isNaN();
        MiHistogram otherBounds = new MiHistogram(new double[] { 0.5, 1, 2, 4 }, new long[] { 9, 9, 9, 9, 9 }, 0);
        assertThat(Deltas.p99(histogram(0, 0, 0, 0, 0), otherBounds)).isNaN();
    }
}
