package io.switchboard.xhttp.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kamailio xhttp's {@code url_skip} and {@code url_match}: regular expressions searched in the URL;
 * a skip match wins over a match.
 */
final class UrlFilter {
    private final Pattern skip;
    private final Pattern match;

    private UrlFilter(Pattern skip, Pattern match) {
        this.skip = skip;
        this.match = match;
    }

    /**
     * @param pid the PID the expressions come from, for the refusal
     * @param skip {@code url_skip}, empty for none
     * @param match {@code url_match}, empty for all
     * @throws SettingRefusedException when either is not a valid regular expression
     */
    static UrlFilter of(String pid, String skip, String match) throws SettingRefusedException {
        return new UrlFilter(compile(pid, "url_skip", skip), compile(pid, "url_match", match));
    }

    private static Pattern compile(String pid, String key, String regex) throws SettingRefusedException {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            throw new SettingRefusedException(pid, key, regex,
                    "must be a regular expression (" + invalid.getDescription() + " at index " + invalid.getIndex() + ")");
        }
    }

    /** @return {@code true} when the event route runs for {@code url} */
    boolean accepts(String url) {
        if (skip != null && skip.matcher(url).find()) {
            return false;
        }
        return match == null || match.matcher(url).find();
    }
}
