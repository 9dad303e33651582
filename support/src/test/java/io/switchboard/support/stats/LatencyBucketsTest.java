package io.switchboard.support.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

class LatencyBucketsTest {
    private final SettingsReader settings = new SettingsReader("pid", Map.of());

    @Test
    void theDefaultReadsAndIsWrittenBackAsItWasGiven() throws Exception {
        List<Double> bounds = LatencyBuckets.read(settings, LatencyHistogram.DEFAULT_BOUNDS);
        assertThat(LatencyBuckets.text(bounds)).isEqualTo(LatencyHistogram.DEFAULT_BOUNDS);
        assertThat(LatencyBuckets.toArray(bounds)).containsExactly(LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS));
    }

    @Test
    void boundsWrittenLooselyAreShownInTheirShortestForm() throws Exception {
        assertThat(LatencyBuckets.text(LatencyBuckets.read(settings, " 0.050, 1.0,2.50 "))).isEqualTo("0.05,1,2.5");
    }

    @Test
    void aBadValueIsRefusedNamingPidKeyValueAndWhatIsWrong() {
        assertThatThrownBy(() -> LatencyBuckets.read(settings, "0.1,0.05"))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("pid")
                .hasMessageContaining("latency_buckets=0.1,0.05")
                .hasMessageContaining("ascending: 0.1 then 0.05");
        assertThatThrownBy(() -> LatencyBuckets.read(settings, "fast")).hasMessageContaining("'fast' is not a number");
    }
}
