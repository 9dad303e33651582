package io.switchboard.mihttp.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The ring keeps the last samples oldest first, in fixed memory, and lets a series go a ring after its last value. */
class SeriesRingTest {

    @Test
    void aFullRingKeepsTheLastSamplesOldestFirst() {
        SeriesRing ring = new SeriesRing(3);
        for (long t = 1; t <= 5; t++) {
            ring.append(t, Map.of("a", t * 10.0));
        }
        Timeline timeline = ring.timeline();
        assertThat(timeline.nanos()).containsExactly(3, 4, 5);
        assertThat(timeline.series().get("a")).containsExactly(30, 40, 50);
    }

    @Test
    void aRingNotYetFullHoldsWhatWasAppended() {
        SeriesRing ring = new SeriesRing(4);
        assertThat(ring.timeline().nanos()).isEmpty();
        assertThat(ring.timeline().series()).isEmpty();
        ring.append(7, Map.of("a", 1.0));
        assertThat(ring.timeline().nanos()).containsExactly(7);
    }

    @Test
    void aSeriesNotGivenInASampleHasNoValueThereAndNewOnesNoneBefore() {
        SeriesRing ring = new SeriesRing(4);
        ring.append(1, Map.of("a", 1.0));
        ring.append(2, Map.of("b", 2.0));
        ring.append(3, Map.of("a", 3.0, "b", 4.0));
        Timeline timeline = ring.timeline();
        assertThat(timeline.series().keySet()).containsExactly("a", "b");
        assertThat(timeline.series().get("a")).containsExactly(1.0, Double.NaN, 3.0);
        assertThat(timeline.series().get("b")).containsExactly(Double.NaN, 2.0, 4.0);
        assertThat(timeline.last("a")).isEqualTo(3.0);
    }

    @Test
    void aSeriesLeavesOnceNoSlotHoldsAValueGivenForIt() {
        SeriesRing ring = new SeriesRing(3);
        ring.append(1, Map.of("gone", 1.0, "stays", 1.0));
        ring.append(2, Map.of("stays", 1.0));
        ring.append(3, Map.of("stays", 1.0));
        assertThat(ring.timeline().series()).containsKey("gone");
        ring.append(4, Map.of("stays", 1.0));
        assertThat(ring.timeline().series()).containsOnlyKeys("stays");
    }

    @Test
    void aSeriesGivenWithoutAValueStays() {
        SeriesRing ring = new SeriesRing(2);
        Map<String, Double> undefined = new HashMap<>();
        undefined.put("idle", Double.NaN);
        for (int i = 0; i < 5; i++) {
            ring.append(i, undefined);
        }
        assertThat(ring.timeline().series().get("idle")).containsExactly(Double.NaN, Double.NaN);
        assertThat(ring.timeline().last("idle")).isNaN();
    }

    @Test
    void aTimelineIsACopy() {
        SeriesRing ring = new SeriesRing(2);
        ring.append(1, Map.of("a", 1.0));
        Timeline before = ring.timeline();
        ring.append(2, Map.of("a", 2.0));
        ring.append(3, Map.of("a", 3.0));
        assertThat(before.nanos()).containsExactly(1);
        assertThat(before.series().get("a")).containsExactly(1.0);
    }

    @Test
    void aRingHasAtLeastTwoSlots() {
        assertThatThrownBy(() -> new SeriesRing(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
