package io.switchboard.mihttp.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.switchboard.support.settings.SettingRefusedException;

/** sample_interval: 10 s unless set, 1 to 60 s, anything else refused naming PID, key, value and rule. */
class ChartsSettingsTest {

    private static ChartsSettings of(Map<String, Object> properties) throws SettingRefusedException {
        ChartsConfiguration config = (ChartsConfiguration) Proxy.newProxyInstance(
                ChartsSettingsTest.class.getClassLoader(), new Class<?>[] { ChartsConfiguration.class },
                (self, method, args) -> {
                    Object value = properties.getOrDefault(method.getName().replace("__", "_"),
                            method.getDefaultValue());
                    // As DS converts a .cfg's text; a word fails as it would.
                    return value instanceof String text ? Integer.valueOf(text) : value;
                });
        return ChartsSettings.from(config, properties);
    }

    @Test
    void theIntervalIsTenSecondsUnlessSet() throws Exception {
        assertThat(of(Map.of()).sampleInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(of(Map.of("sample_interval", 1)).sampleInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(of(Map.of("sample_interval", 60)).sampleInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "61", "-5", "often" })
    void anIntervalOutsideOneToSixtySecondsIsRefused(String value) {
        assertThatThrownBy(() -> of(Map.of("sample_interval", value))).isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.mi_charts").hasMessageContaining("sample_interval")
                .hasMessageContaining(value).hasMessageContaining("must be 1 to 60 seconds");
    }
}
