package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.support.settings.SettingRefusedException;

class UrlFilterTest {

    /** The Kamailio documentation's examples: url_skip ^/RPC2, url_match ^/sip/; skip wins, and says so. */
    @ParameterizedTest
    @CsvSource({
            "'',      '',      /anything,     RAISED",
            "^/RPC2,  '',      /RPC2,         SKIPPED",
            "^/RPC2,  '',      /RPC2/x?y,     SKIPPED",
            "^/RPC2,  '',      /sip/RPC2,     RAISED",
            "'',      ^/sip/,  /sip/x,        RAISED",
            "'',      ^/sip/,  /other,        UNMATCHED",
            "^/sip/a, ^/sip/,  /sip/a,        SKIPPED",
            "^/sip/a, ^/sip/,  /sip/b?q=1,    RAISED",
            "'',      q=1,     /x?q=1,        RAISED" })
    void skipIsCheckedFirstAndWins(String skip, String match, String url, UrlFilter.Verdict verdict) throws Exception {
        assertThat(UrlFilter.of("pid", skip, match).verdict(url)).isEqualTo(verdict);
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

    /** Each takes exponential time in a backtracking engine on a URL of a's that does not end as they ask. */
    @ParameterizedTest
    @CsvSource({ "'^/(a+)+$'", "'^/(a|a)*$'", "'^/(a|aa)+$'", "'^/(a?){30}a{30}$'", "'^/(.*a){20}$'" })
    void catastrophicBacktrackingCannotHappen(String regex) throws Exception {
        UrlFilter filter = UrlFilter.of("pid", "", regex);
        String url = "/" + "a".repeat(8000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(filter.verdict(url)).isEqualTo(UrlFilter.Verdict.UNMATCHED));
    }

    @ParameterizedTest
    @CsvSource({ "'((a{1000}){1000}){1000}', expand to at most", "'(a{100}){100}', expand to at most",
            "'(x)\\1', RE2 syntax", "'(?=a)', RE2 syntax", "'(?<=a)b', RE2 syntax", "'a{1001}', expand to at most", "'a**', RE2 syntax" })
    void whatCannotBeMatchedInBoundedTimeIsRefused(String regex, String rule) {
        assertThatThrownBy(() -> UrlFilter.of("switchboard.xhttp", "", regex))
                .isInstanceOf(SettingRefusedException.class).hasMessageContaining("url_match=").hasMessageContaining(rule);
    }

    @Test
    void aHugeExpressionIsRefused() throws Exception {
        assertThatThrownBy(() -> UrlFilter.of("switchboard.xhttp", "x".repeat(UrlFilter.MAX_LENGTH + 1), ""))
                .isInstanceOf(SettingRefusedException.class).hasMessageContaining("url_skip=")
                .hasMessageContaining("at most " + UrlFilter.MAX_LENGTH + " characters");
        assertThat(UrlFilter.of("pid", "x".repeat(UrlFilter.MAX_LENGTH), "").verdict("/y"))
                .isEqualTo(UrlFilter.Verdict.RAISED);
    }

    @ParameterizedTest
    @CsvSource({ "'^/sip/', 6", "'a{3}', 5", "'(ab){2,4}', 16", "'\\p{L}{2}', 4", "'[{]{2}', 4", "'x{,5}', 5",
            "'\\Q{9}\\E', 3", "'[]{]{9}', 11" })
    void sizesCountRepetitionsAndNothingElse(String regex, long size) {
        assertThat(RegexSize.of(regex)).isEqualTo(size);
    }
}
