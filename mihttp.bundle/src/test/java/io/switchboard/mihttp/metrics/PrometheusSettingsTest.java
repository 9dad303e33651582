package io.switchboard.mihttp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.mihttp.metrics.PrometheusSettings.GroupMode;
import io.switchboard.support.settings.SettingRefusedException;

class PrometheusSettingsTest {

    @Test
    void theDefaultsServeEveryGroupUnderMetricsWithTheGroupInTheName() throws Exception {
        PrometheusSettings settings = Settings.of(Map.of());
        assertThat(settings).isEqualTo(new PrometheusSettings("metrics", "switchboard", "_", GroupMode.NAME, "",
                "group", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root         | a/b        | must be one path segment",
            "root         | ..         | must be one path segment",
            "prefix       | 1sb        | not starting with a digit",
            "prefix       | sb:1       | must be letters, digits and _",
            "delimiter    | -          | must be letters, digits and _, or empty",
            "group_prefix | x.         | must be letters, digits and _, or empty",
            "group_label  | le         | not le or quantile",
            "group_label  | __name__   | not starting with a digit or __",
            "group_label  | 9lives     | not starting with a digit or __",
            "group_label  | ''         | not starting with a digit or __" })
    void aBadNameIsRefusedNamingThePidTheKeyTheValueAndTheRule(String key, String value, String rule) {
        assertThatThrownBy(() -> Settings.of(Map.of(key, value))).isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.prometheus").hasMessageContaining(key + "=" + value)
                .hasMessageContaining(rule);
    }

    @Test
    void aGroupModeOtherThanOpenSipsOnesIsRefused() {
        assertThatThrownBy(() -> Settings.of(Map.of("group_mode", 3))).isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("group_mode=3").hasMessageContaining("must be 0 (no group), 1");
        assertThatThrownBy(() -> Settings.of(Map.of("group_mode", "label")))
                .isInstanceOf(SettingRefusedException.class).hasMessageContaining("group_mode=label");
    }

    @Test
    void emptyNamesAreTaken() throws Exception {
        PrometheusSettings settings = Settings.of(Map.of("prefix", "", "delimiter", "", "group_prefix", ""));
        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.delimiter()).isEmpty();
    }
}
