package io.switchboard.rest.internal;

import org.apache.hc.core5.function.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one client's I/O threads report when their event loop fails. Closing a client at once from
 * another thread races its I/O threads (the JDK's selector drops the selected keys they are walking,
 * which HttpCore reports as a ConcurrentModificationException): a failure after closing began is the
 * close itself, not news, so it is logged only at debug. Before that it is an error worth its trace.
 */
final class ReactorFailures implements Callback<Exception> {
    private final Logger log;
    private volatile boolean closing;

    ReactorFailures() {
        this(LoggerFactory.getLogger(ReactorFailures.class));
    }

    ReactorFailures(Logger log) {
        this.log = log;
    }

    /** From now on, failures are the close racing the I/O threads. */
    void closing() {
        closing = true;
    }

    @Override
    public void execute(Exception failure) {
        if (closing) {
            log.debug("REST client I/O thread ended while the client closed", failure);
        } else {
            log.error("REST client I/O thread failed: its requests fail until the client is replaced", failure);
        }
    }
}
