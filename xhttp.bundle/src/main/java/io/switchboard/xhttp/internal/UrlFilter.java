package io.switchboard.xhttp.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import io.switchboard.support.settings.SettingRefusedException;

/**
 * Kamailio xhttp's {@code url_skip} and {@code url_match}: regular expressions searched in the URL;
 * a skip match wins over a match.
 * <p>
 * They are RE2 expressions, matched in time linear in the URL: no expression an operator writes can
 * make a client's URL cost exponential time, as {@code (a+)+$} does in a backtracking engine. RE2's
 * syntax is POSIX's extended syntax, which Kamailio uses, with Perl's classes and flags; it has no
 * backreferences or lookaround, which such an engine cannot match in linear time. The time per URL
 * grows with the compiled program, so expressions are bounded in length and in what their counted
 * repetitions expand to.
 */
final class UrlFilter {
    /** Longer than any URL rule we know of, short enough that compiling is immediate. */
    static final int MAX_LENGTH = 1000;
    /**
     * Steps of the compiled program, as {@link RegexSize} bounds them. Matching costs about 12 ns per
     * step and URL character: at this bound an 8 KiB URL takes 0.1 s, where a rule such as
     * {@code ^/sip/[a-z]+/RPC2} (13 steps) takes microseconds.
     */
    static final long MAX_SIZE = 1000;

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
     * @throws SettingRefusedException when either is not a valid regular expression within the bounds
     */
    static UrlFilter of(String pid, String skip, String match) throws SettingRefusedException {
        return new UrlFilter(compile(pid, "url_skip", skip), compile(pid, "url_match", match));
    }

    private static Pattern compile(String pid, String key, String regex) throws SettingRefusedException {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        if (regex.length() > MAX_LENGTH) {
            throw new SettingRefusedException(pid, key, regex.substring(0, 40) + "... (" + regex.length() + " characters)",
                    "must be at most " + MAX_LENGTH + " characters");
        }
        if (RegexSize.of(regex) > MAX_SIZE) {
            throw new SettingRefusedException(pid, key, regex, "must expand to at most " + MAX_SIZE
                    + " steps; its counted repetitions ({n,m}) multiply to more");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            throw new SettingRefusedException(pid, key, regex,
                    "must be a regular expression in RE2 syntax, which has no backreferences or lookaround ("
                            + invalid.getDescription() + ")");
        }
    }

    /** Whether a URL is raised, or which expression leaves it out. */
    enum Verdict {
        RAISED,
        /** {@code url_skip} matched. */
        SKIPPED,
        /** {@code url_match} did not. */
        UNMATCHED
    }

    /** @return whether the event route runs for {@code url}, and if not, why */
    Verdict verdict(String url) {
        if (skip != null && skip.matcher(url).find()) {
            return Verdict.SKIPPED;
        }
        return match == null || match.matcher(url).find() ? Verdict.RAISED : Verdict.UNMATCHED;
    }
}
