package io.switchboard.mihttp.charts;

import java.time.Duration;
import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/** A validated configuration of PID {@value #PID}. */
record ChartsSettings(Duration sampleInterval) {

    static final String PID = "switchboard.mi_charts";

    /**
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of a bad value
     */
    static ChartsSettings from(ChartsConfiguration config, Map<String, ?> properties) throws SettingRefusedException {
        SettingsReader r = new SettingsReader(PID, properties);
        int seconds = r.read("sample_interval", config::sample__interval, v -> v >= 1 && v <= 60,
                "must be 1 to 60 seconds");
        return new ChartsSettings(Duration.ofSeconds(seconds));
    }
}
