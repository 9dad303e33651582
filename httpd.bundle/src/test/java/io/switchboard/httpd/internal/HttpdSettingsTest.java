package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.stats.LatencyHistogram;

class HttpdSettingsTest {

    @Test
    void defaultsMirrorOpenSipsHttpd() throws Exception {
        HttpdSettings settings = HttpdSettings.from(TestSettings.config(Map.of()), Map.of());
        assertThat(settings.ip()).isEmpty();
        assertThat(settings.port()).isEqualTo(8888);
        assertThat(settings.postBufSize()).isEqualTo(1024);
        assertThat(settings.bufSize()).isZero();
        assertThat(settings.tls()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "port          | 80          | 1024-65535",
            "port          | 1023        | 1024-65535",
            "port          | 70000       | 1024-65535",
            "post_buf_size | 255         | 256",
            "buf_size      | -1          | 0 (engine default)",
            "ip            | example.org | IPv4 or IPv6",
            "ip            | 300.1.1.1   | IPv4 or IPv6",
            "max_body_size | -5          | no limit",
            "max_threads   | 7           | 8 per processor",
            "max_threads   | 10001       | 8 to 10000",
            "swap_hold     | -1          | 0 (requests are not held)",
            "swap_hold     | 30001       | idle_timeout (30000)",
            "https         | true        | keystore",
            "latency_buckets | 0.1,0.05  | ascending",
            "latency_buckets | 0,1       | above 0",
            "latency_buckets | soon      | 'soon' is not a number",
            "statistics    | off         | must be all, counters or none" })
    void refusesBadValuesNamingPidKeyValueAndRule(String key, String value, String rule) {
        Map<String, Object> properties = Map.of(key, value);
        assertThatThrownBy(() -> HttpdSettings.from(TestSettings.config(properties), properties))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.httpd")
                .hasMessageContaining(key + "=" + value)
                .hasMessageContaining(rule);
    }

    @Test
    void swapHoldDefaultsToFiveSecondsOrTheIdleTimeoutAndMayNotOutlastIt() throws Exception {
        assertThat(HttpdSettings.from(TestSettings.config(Map.of()), Map.of()).swapHold()).isEqualTo(5000);
        Map<String, Object> fits = Map.of("idle_timeout", "2000", "swap_hold", "2000");
        assertThat(HttpdSettings.from(TestSettings.config(fits), fits).swapHold()).isEqualTo(2000);
        Map<String, Object> unset = Map.of("idle_timeout", "2000");
        assertThat(HttpdSettings.from(TestSettings.config(unset), unset).swapHold()).isEqualTo(2000);
        Map<String, Object> outlasts = Map.of("idle_timeout", "2000", "swap_hold", "2001");
        assertThatThrownBy(() -> HttpdSettings.from(TestSettings.config(outlasts), outlasts))
                .hasMessageContaining("swap_hold=2001").hasMessageContaining("idle_timeout (2000)");
    }

    @Test
    void maxThreadsZeroSizesThePoolByProcessors() throws Exception {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(HttpdSettings.from(TestSettings.config(Map.of()), Map.of()).maxThreads())
                .isEqualTo(Math.max(16, 8 * processors));
        Map<String, Object> properties = Map.of("max_threads", "24");
        assertThat(HttpdSettings.from(TestSettings.config(properties), properties).maxThreads()).isEqualTo(24);
    }

    @Test
    void refusesAValueThatIsNotANumber() {
        Map<String, Object> properties = Map.of("port", "eighty");
        assertThatThrownBy(() -> HttpdSettings.from(TestSettings.config(properties), properties))
                .hasMessageContaining("port=eighty");
    }

    @Test
    void acceptsIpLiterals() throws Exception {
        for (String ip : new String[] { "127.0.0.1", "::1", "0.0.0.0", "fe80::1" }) {
            Map<String, Object> properties = Map.of("ip", ip);
            assertThat(HttpdSettings.from(TestSettings.config(properties), properties).ip()).isEqualTo(ip);
        }
    }

    @Test
    void latencyBucketsDefaultToOneMillisecondToTenSecondsAndShowAsWritten() throws Exception {
        HttpdSettings defaults = HttpdSettings.from(TestSettings.config(Map.of()), Map.of());
        assertThat(defaults.latencyBuckets()).hasSize(13).startsWith(0.001).endsWith(10.0);
        assertThat(defaults.byKey()).containsEntry("latency_buckets", LatencyHistogram.DEFAULT_BOUNDS);
        Map<String, Object> properties = Map.of("latency_buckets", "0.05, 0.5,5");
        HttpdSettings set = HttpdSettings.from(TestSettings.config(properties), properties);
        assertThat(set.latencyBuckets()).containsExactly(0.05, 0.5, 5.0);
        assertThat(set.byKey()).containsEntry("latency_buckets", "0.05,0.5,5");
        assertThat(set.listenerDiffers(defaults)).isFalse();
    }

    @Test
    void statisticsDefaultToAllAndTakeAnyCase() throws Exception {
        assertThat(HttpdSettings.from(TestSettings.config(Map.of()), Map.of()).counting())
                .isEqualTo(RootStatistics.Counting.ALL);
        Map<String, Object> properties = Map.of("statistics", " Counters ");
        HttpdSettings set = HttpdSettings.from(TestSettings.config(properties), properties);
        assertThat(set.counting()).isEqualTo(RootStatistics.Counting.COUNTERS);
        assertThat(set.byKey()).containsEntry("statistics", "counters");
    }

    @Test
    void onlyListenerKeysRestartTheListener() throws Exception {
        HttpdSettings base = HttpdSettings.from(TestSettings.config(Map.of()), Map.of());
        Map<String, Object> buffer = Map.of("buf_size", "4096");
        Map<String, Object> port = Map.of("port", "9999");
        assertThat(HttpdSettings.from(TestSettings.config(buffer), buffer).listenerDiffers(base)).isFalse();
        assertThat(HttpdSettings.from(TestSettings.config(port), port).listenerDiffers(base)).isTrue();
    }
}
