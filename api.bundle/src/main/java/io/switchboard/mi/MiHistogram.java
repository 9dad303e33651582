package io.switchboard.mi;

import java.util.Arrays;

/**
 * A histogram at one moment: how many observations fell in each bucket, and their sum, as a
 * {@link MiStatistics} group reports a latency. Prometheus shows it as a histogram; the MI as its
 * count and sum.
 *
 * @param upperBounds the buckets' upper bounds (inclusive), ascending, finite, in the histogram's
 *        unit: seconds for a latency
 * @param counts the observations in each bucket, not cumulative: one more than there are bounds, the
 *        last counting those above every bound
 * @param sum the sum of every observation, in the same unit
 */
public record MiHistogram(double[] upperBounds, long[] counts, double sum) {

    /**
     * @throws IllegalArgumentException when the bounds are not finite and ascending, or the counts do
     *         not number one more than the bounds
     */
    public MiHistogram {
        upperBounds = upperBounds.clone();
        counts = counts.clone();
        for (int i = 0; i < upperBounds.length; i++) {
            if (!Double.isFinite(upperBounds[i]) || i > 0 && upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("upper bounds must be finite and ascending: "
                        + Arrays.toString(upperBounds));
            }
        }
        if (counts.length != upperBounds.length + 1) {
            throw new IllegalArgumentException(counts.length + " counts for " + upperBounds.length
                    + " bounds: there must be one more, for the observations above every bound");
        }
    }

    /** @return a copy of the upper bounds */
    @Override
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    /** @return a copy of the counts per bucket */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** @return the number of observations */
    public long count() {
        long total = 0;
        for (long bucket : counts) {
            total += bucket;
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MiHistogram that && Arrays.equals(upperBounds, that.upperBounds)
                && Arrays.equals(counts, that.counts) && Double.compare(sum, that.sum) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(upperBounds) + Arrays.hashCode(counts)) + Double.hashCode(sum);
    }

    @Override
    public String toString() {
        return "MiHistogram[upperBounds=" + Arrays.toString(upperBounds) + ", counts=" + Arrays.toString(counts)
                + ", sum=" + sum + "]";
    }
}
