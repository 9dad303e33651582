package io.switchboard.mihttp.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiParams;

class UptimeCommandTest {

    @Test
    void datesAreWrittenAsCtimeDoes() {
        var instant = LocalDateTime.of(2026, 1, 1, 9, 5, 7).atZone(ZoneId.systemDefault()).toInstant();
        assertThat(UptimeCommand.ctime(instant)).isEqualTo("Thu Jan  1 09:05:07 2026");
        var later = LocalDateTime.of(2026, 11, 23, 17, 45, 0).atZone(ZoneId.systemDefault()).toInstant();
        assertThat(UptimeCommand.ctime(later)).isEqualTo("Mon Nov 23 17:45:00 2026");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theResultHasOpenSipsKeys() {
        var uptime = (java.util.Map<String, Object>) new UptimeCommand().execute(MiParams.none());
        assertThat(uptime).containsOnlyKeys("Now", "Up since", "Up time");
        assertThat((String) uptime.get("Up time")).matches("\\d+ \\[sec\\]");
    }
}
