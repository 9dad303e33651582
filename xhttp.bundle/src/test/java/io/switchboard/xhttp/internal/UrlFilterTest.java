package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlFilterTest {

    /** The Kamailio documentation's examples: url_skip ^/RPC2, url_match ^/sip/; skip wins. */
    @ParameterizedTest
    @CsvSource({
            "'',      '',      /anything,     true",
            "^/RPC2,  '',      /RPC2,         false",
            "^/RPC2,  '',      /RPC2/x?y,     false",
            "^/RPC2,  '',      /sip/RPC2,     true",
            "'',      ^/sip/,  /sip/x,        true",
            "'',      ^/sip/,  /other,        false",
            "^/sip/a, ^/sip/,  /sip/a,        false",
            "^/sip/a, ^/sip/,  /sip/b?q=1,    true",
            "'',      q=1,     /x?q=1,        true" })
    void skipIsCheckedFirstAndWins(String skip, String match, String url, boolean accepted) throws Exception {
        assertThat(UrlFilter.of("pid", skip, match).accepts(url)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({ "url_skip, '[unclosed'", "url_match, '(' " })
    void aBadExpressionIsRefusedNamingItsKey(String key, String regex) {
        assertThatThrownBy(() -> UrlFilter.of("switchboard.xhttp", key.equals("url_skip") ? regex : "",
                key.equals("url_match") ? regex : ""))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.xhttp").hasMessageContaining(key + "=" + regex.trim())
                .hasMessageContaining("regular expression");
    }
}
