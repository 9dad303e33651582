package io.switchboard.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MiHistogramTest {

    @Test
    void countsEveryBucketAndKeepsItsOwnArrays() {
        double[] bounds = { 0.01, 0.1 };
        long[] counts = { 3, 2, 1 };
        MiHistogram histogram = new MiHistogram(bounds, counts, 0.5);
        bounds[0] = 7;
        counts[0] = 7;
        histogram.counts()[1] = 7;

        assertThat(histogram.count()).isEqualTo(6);
        assertThat(histogram.upperBounds()).containsExactly(0.01, 0.1);
        assertThat(histogram).isEqualTo(new MiHistogram(new double[] { 0.01, 0.1 }, new long[] { 3, 2, 1 }, 0.5));
    }

    @Test
    void refusesBoundsOutOfOrderAndCountsThatDoNotFit() {
        assertThatThrownBy(() -> new MiHistogram(new double[] { 0.1, 0.1 }, new long[3], 0))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> new MiHistogram(new double[] { Double.POSITIVE_INFINITY }, new long[2], 0))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new MiHistogram(new double[] { 0.1 }, new long[1], 0))
                .hasMessageContaining("one more");
    }
}
