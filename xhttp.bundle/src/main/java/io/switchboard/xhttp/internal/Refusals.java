package io.switchboard.xhttp.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.log.RateLimitedLog;

/**
 * The refusal lines of one module. A client causes them at will, so each kind is limited per client:
 * a flood of bad requests writes a handful of lines and a count.
 */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    /** Connections from addresses {@code allowed_ips} leaves out. */
    final RateLimitedLog notAllowed;
    /** Bodies too large or too slow (413, 408). */
    final RateLimitedLog body;
    /** Requests no handler may see, such as {@code CONNECT} (405). */
    final RateLimitedLog badRequest;

    Refusals(String module) {
        notAllowed = new RateLimitedLog(LOG, module + " allowed_ips refusal");
        body = new RateLimitedLog(LOG, module + " body refusal");
        badRequest = new RateLimitedLog(LOG, module + " bad request");
    }

    /** Writes the counts still held back: the module is stopping and would never write them. */
    void flush() {
        notAllowed.flush();
        body.flush();
        badRequest.flush();
    }
}
