package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.support.settings.SettingRefusedException;

class HealthSettingsTest {

    @Test
    void theDefaultsServeHealthToEveryClientWithSwitchboardsChecks() throws Exception {
        HealthSettings settings = Settings.of(Map.of());
        assertThat(settings.root()).isEqualTo("health");
        assertThat(settings.tags()).containsExactly("switchboard");
        assertThat(settings.allowedIps().allowsEveryone()).isTrue();
    }

    @Test
    void tagsAreSeparatedByCommasAndMayLeaveATagOut() throws Exception {
        assertThat(Settings.of(Map.of("tags", "switchboard, systemready,-slow")).tags())
                .containsExactly("switchboard", "systemready", "-slow");
    }

    @Test
    void aTagThatWouldChangeFelixsFilterIsRefused() {
        assertThatThrownBy(() -> Settings.of(Map.of("tags", "switchboard,a)(objectClass=*")))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.health").hasMessageContaining("tags=a)(objectClass=*");
    }

    @Test
    void noTagAtAllIsRefused() {
        // Felix's executor would run its own default tag instead.
        assertThatThrownBy(() -> Settings.of(Map.of("tags", " , "))).isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("at least one tag");
    }

    @Test
    void theRootIsOnePathSegment() throws Exception {
        assertThat(Settings.of(Map.of("root", " healthz ")).root()).isEqualTo("healthz");
        assertThatThrownBy(() -> Settings.of(Map.of("root", "a/b"))).isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("root=a/b");
        assertThatThrownBy(() -> Settings.of(Map.of("root", ".."))).isInstanceOf(SettingRefusedException.class);
    }

    @Test
    void allowedIpsLimitTheClients() throws Exception {
        HealthSettings settings = Settings.of(Map.of("allowed_ips", "10.0.0.0/8, ::1"));
        assertThat(settings.allowedIps().allows(new InetSocketAddress("10.1.2.3", 1))).isTrue();
        assertThat(settings.allowedIps().allows(new InetSocketAddress("127.0.0.1", 1))).isFalse();
        assertThatThrownBy(() -> Settings.of(Map.of("allowed_ips", "lb.example.org")))
                .isInstanceOf(SettingRefusedException.class).hasMessageContaining("allowed_ips=lb.example.org");
    }
}
