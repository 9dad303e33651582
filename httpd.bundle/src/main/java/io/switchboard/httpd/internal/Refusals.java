package io.switchboard.httpd.internal;

import org.slf4j.LoggerFactory;

import io.switchboard.support.log.RateLimitedLog;

/** The log of requests httpd refuses: a client can cause these lines at will, so they are limited per client. */
final class Refusals {
    static final RateLimitedLog LOG = new RateLimitedLog(LoggerFactory.getLogger(Refusals.class), "httpd refusal");

    private Refusals() {
    }
}
