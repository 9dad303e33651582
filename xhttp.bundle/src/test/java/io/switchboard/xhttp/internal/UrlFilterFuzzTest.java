package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.switchboard.support.settings.SettingRefusedException;

/**
 * Any {@code url_skip} and {@code url_match} an operator can write is refused at configuration time,
 * naming the key and the rule it breaks, or matched against any URL a client can send, up to Jetty's
 * 8 KiB request line, without an exception, an exhausted heap or a hang (Jazzer reports the last two).
 * A filter's answer is its skip's and its match's taken apart: skip wins, an empty one lets all pass.
 * The input is text: the skip expression, a line break, the match expression, a line break, the URL.
 * In {@code mvn verify} this runs the checked-in corpus under {@code UrlFilterFuzzTestInputs}; see the
 * README for a longer run.
 */
class UrlFilterFuzzTest {
    private static final String PID = "switchboard.xhttp";
    /** Jetty's default bound on a request line, and so on a URL. */
    private static final int LONGEST_URL = 8192;
    /** Every rule a refusal may name, as {@link UrlFilter} words them. */
    private static final List<String> RULES = List.of("must be at most " + UrlFilter.MAX_LENGTH + " characters",
            "must expand to at most " + UrlFilter.MAX_SIZE + " steps",
            "must be a regular expression in RE2 syntax");

    @FuzzTest(maxDuration = "2m")
    void refusesOrMatches(FuzzedDataProvider data) {
        String[] parts = data.consumeRemainingAsString().split("\n", 3);
        String skip = parts[0];
        String match = parts.length > 1 ? parts[1] : "";
        String url = parts.length > 2 ? parts[2] : "/";
        UrlFilter filter;
        try {
            filter = UrlFilter.of(PID, skip, match);
        } catch (SettingRefusedException refused) {
            assertRefusalNamesKeyAndRule(refused, skip);
            return;
        }
        UrlFilter skipAlone = compiles(skip, "");
        UrlFilter matchAlone = compiles("", match);
        UrlFilter neither = compiles("", "");
        assertThat(filter.verdict(url)).as("skip wins, then match decides")
                .isEqualTo(expected(skipAlone, matchAlone, url));
        assertThat(neither.verdict(url)).isEqualTo(UrlFilter.Verdict.RAISED);
        // The same URL at the longest a client can send: linear time keeps this as cheap as it is long.
        if (!url.isEmpty() && url.length() < LONGEST_URL) {
            String longest = url.repeat(LONGEST_URL / url.length());
            assertThat(longest.length()).isLessThanOrEqualTo(LONGEST_URL);
            assertThat(filter.verdict(longest)).as("skip wins, then match decides, at the longest URL")
                    .isEqualTo(expected(skipAlone, matchAlone, longest));
        }
    }

    /** @return the verdict of both expressions together, from each one's alone */
    private static UrlFilter.Verdict expected(UrlFilter skipAlone, UrlFilter matchAlone, String url) {
        UrlFilter.Verdict skip = skipAlone.verdict(url);
        return skip == UrlFilter.Verdict.SKIPPED ? skip : matchAlone.verdict(url);
    }

    /** A refusal names the PID, the key whose expression breaks a rule, and that rule; skip is checked first. */
    private static void assertRefusalNamesKeyAndRule(SettingRefusedException refused, String skip) {
        String message = refused.getMessage();
        assertThat(message).startsWith("configuration " + PID + " refused: url_");
        assertThat(RULES).anySatisfy(rule -> assertThat(message).contains(rule));
        boolean skipRefused;
        try {
            UrlFilter.of(PID, skip, "");
            skipRefused = false;
        } catch (SettingRefusedException skipAlone) {
            skipRefused = true;
        }
        assertThat(message).as("the key named is the first that breaks a rule")
                .startsWith("configuration " + PID + " refused: " + (skipRefused ? "url_skip=" : "url_match="));
    }

    /** @return the filter of expressions known to be valid, from the one just built of them together */
    private static UrlFilter compiles(String skip, String match) {
        try {
            return UrlFilter.of(PID, skip, match);
        } catch (SettingRefusedException refused) {
            throw new AssertionError("refused alone but accepted together: " + refused.getMessage(), refused);
        }
    }
}
