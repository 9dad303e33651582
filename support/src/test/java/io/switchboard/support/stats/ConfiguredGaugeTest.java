package io.switchboard.support.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfiguredGaugeTest {
    private final ConfiguredGauge gauge = new ConfiguredGauge();

    private Map<String, Long> values() {
        Map<String, Long> values = new HashMap<>();
        gauge.addTo(values);
        return values;
    }

    @Test
    void aModuleThatDoesNotRunSaysNothing() {
        assertThat(values()).isEmpty();
        gauge.set(true);
        gauge.unknown();
        assertThat(values()).isEmpty();
    }

    @Test
    void aRunningModuleSaysWhetherItHasAConfigurationInForce() {
        gauge.set(false);
        assertThat(values()).containsExactly(Map.entry("configured", 0L));
        gauge.set(true);
        assertThat(values()).containsExactly(Map.entry("configured", 1L));
    }
}
