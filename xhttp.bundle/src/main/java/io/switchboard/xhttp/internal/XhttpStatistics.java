package io.switchboard.xhttp.internal;

import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiStatistics;

/**
 * xhttp's statistics group, named after the Kamailio module as its PID is: the shared
 * {@link EventStatistics} plus {@code skipped_url_skip} and {@code skipped_url_match}, the requests
 * each expression left out (404, never raised). Immediate: the counters live as long as the bundle.
 */
@Component(service = { MiStatistics.class, XhttpStatistics.class }, immediate = true,
        property = MiStatistics.GROUP + "=" + XhttpStatistics.GROUP)
public final class XhttpStatistics extends EventStatistics {
    static final String GROUP = "xhttp";
    static final String SKIPPED_URL_SKIP = "skipped_url_skip";
    static final String SKIPPED_URL_MATCH = "skipped_url_match";

    private final LongAdder skippedByUrlSkip;
    private final LongAdder skippedByUrlMatch;

    public XhttpStatistics() {
        super(SKIPPED_URL_SKIP, SKIPPED_URL_MATCH);
        skippedByUrlSkip = counter(SKIPPED_URL_SKIP);
        skippedByUrlMatch = counter(SKIPPED_URL_MATCH);
    }

    /** Counts a request {@code verdict} left out. */
    void skipped(UrlFilter.Verdict verdict) {
        (verdict == UrlFilter.Verdict.SKIPPED ? skippedByUrlSkip : skippedByUrlMatch).increment();
    }
}
