package io.switchboard.itest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.mi.MiHistogram;

/** Assertions on a latency histogram before and after a request, only ever from below. */
public final class Histograms {
    private Histograms() {
    }

    /** Exactly one observation more, in a bucket whose upper bound is at least {@code seconds}. */
    public static void assertOneObservationAtLeast(MiHistogram before, MiHistogram after, double seconds) {
        assertThat(after.count()).isEqualTo(before.count() + 1);
        double[] bounds = after.upperBounds();
        for (int i = 0; i < bounds.length && bounds[i] < seconds; i++) {
            assertThat(after.counts()[i]).as("observations up to " + bounds[i] + " s").isEqualTo(before.counts()[i]);
        }
        assertThat(after.sum() - before.sum()).as("the sum of the observations").isGreaterThanOrEqualTo(seconds);
    }
}
