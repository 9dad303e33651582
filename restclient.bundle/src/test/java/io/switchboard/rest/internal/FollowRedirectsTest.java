package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

class FollowRedirectsTest {
    private static final HttpHost HTTPS = new HttpHost("https", "api.example.com", 443);

    @Test
    void offFollowsNothing() {
        assertThat(FollowRedirects.OFF.allows(HTTPS, HTTPS)).isFalse();
    }

    @Test
    void sameOriginIsSchemeHostAndPortWithDefaultPortsFilledIn() {
        assertThat(FollowRedirects.SAME_ORIGIN.allows(HTTPS, new HttpHost("https", "API.example.com", -1))).isTrue();
        assertThat(FollowRedirects.SAME_ORIGIN.allows(new HttpHost("http", "h", -1), new HttpHost("http", "h", 80)))
                .isTrue();
        assertThat(FollowRedirects.SAME_ORIGIN.allows(HTTPS, new HttpHost("http", "api.example.com", 443))).isFalse();
        assertThat(FollowRedirects.SAME_ORIGIN.allows(HTTPS, new HttpHost("http", "api.example.com", -1))).isFalse();
        assertThat(FollowRedirects.SAME_ORIGIN.allows(HTTPS, new HttpHost("https", "evil.example.com", 443))).isFalse();
        assertThat(FollowRedirects.SAME_ORIGIN.allows(HTTPS, new HttpHost("https", "api.example.com", 8443))).isFalse();
    }

    @Test
    void anyFollowsEveryHttpUrlButNoOtherScheme() {
        assertThat(FollowRedirects.ANY.allows(HTTPS, new HttpHost("http", "other", 8080))).isTrue();
        assertThat(FollowRedirects.ANY.allows(HTTPS, new HttpHost("ftp", "other", 21))).isFalse();
    }

    @Test
    void valuesAreReadInAnyCaseAndOthersRefusedByName() throws SettingRefusedException {
        SettingsReader rules = new SettingsReader(RestSettings.PID, Map.of());
        assertThat(FollowRedirects.of(rules, " Same_Origin ")).isEqualTo(FollowRedirects.SAME_ORIGIN);
        assertThatThrownBy(() -> FollowRedirects.of(rules, "yes")).isInstanceOf(SettingRefusedException.class)
                .hasMessage("configuration switchboard.rest_client refused: follow_redirects=yes must be off, "
                        + "same_origin or any");
    }
}
