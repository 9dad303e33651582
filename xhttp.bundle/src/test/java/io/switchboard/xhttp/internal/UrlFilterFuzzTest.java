package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any {@code url_skip} and {@code url_match} an operator can write is refused at configuration time
 * or matched against any URL a client can send, up to Jetty's 8 KiB request line, without an
 * exception, an exhausted heap or a hang (Jazzer reports the last two). The input is text: the skip
 * expression, a line break, the match expression, a line break, the URL. In {@code mvn verify} this
 * runs the checked-in corpus under {@code UrlFilterFuzzTestInputs}; see the README for a longer run.
 */
class UrlFilterFuzzTest {
    /** Jetty's default bound on a request line, and so on a URL. */
    private static final int LONGEST_URL = 8192;

    @FuzzTest(maxDuration = "2m")
    void refusesOrMatches(FuzzedDataProvider data) {
        String[] parts = data.consumeRemainingAsString().split("\n", 3);
        String skip = parts[0];
        String match = parts.length > 1 ? parts[1] : "";
        String url = parts.length > 2 ? parts[2] : "/";
        UrlFilter filter;
        try {
            filter = UrlFilter.of("switchboard.xhttp", skip, match);
        } catch (SettingRefusedException refused) {
            assertThat(refused.getMessage()).startsWith("configuration switchboard.xhttp refused: url_");
            return;
        }
        boolean accepted = filter.accepts(url);
        assertThat(accepted).isEqualTo(filter.accepts(url));
        // The same URL at the longest a client can send: linear time keeps this as cheap as it is long.
        if (!url.isEmpty() && url.length() < LONGEST_URL) {
            filter.accepts(url.repeat(LONGEST_URL / url.length()));
        }
    }
}
