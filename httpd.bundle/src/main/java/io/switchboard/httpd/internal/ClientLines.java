package io.switchboard.httpd.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.log.RateLimitedLog;

/**
 * The log lines a client can cause at will, one per request it sends: limited per client address,
 * so that a flood of bad requests writes a few lines and a count, not a line each.
 */
final class ClientLines {
    private static final Logger LOG = LoggerFactory.getLogger(ClientLines.class);
    /** Requests httpd refuses: bad paths, CONNECT, bodies too slow or too large. */
    static final RateLimitedLog REFUSALS = new RateLimitedLog(LOG, "httpd refusal");
    /** Deferred responses a handler left open past async_timeout. */
    static final RateLimitedLog TIMEOUTS = new RateLimitedLog(LOG, "httpd 504");

    private ClientLines() {
    }
}
