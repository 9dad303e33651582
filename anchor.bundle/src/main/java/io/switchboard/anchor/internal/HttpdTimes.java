package io.switchboard.anchor.internal;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;

import io.switchboard.anchor.HttpdAnchor;

/**
 * httpd's {@code swap_hold} and {@code shutdown_grace}, as its dispatcher last said them. The hold
 * is how long requests wait for httpd, and how long a socket stays open for the next revision of the
 * bundle that left it; the grace is how long a stopping framework waits for requests in flight. Both
 * are kept while httpd is away, which is when they count.
 */
@Component(service = HttpdTimes.class)
public final class HttpdTimes {
    private volatile int swapHold = HttpdAnchor.DEFAULT_SWAP_HOLD;
    private volatile int shutdownGrace = HttpdAnchor.DEFAULT_SHUTDOWN_GRACE;

    int swapHold() {
        return swapHold;
    }

    int shutdownGrace() {
        return shutdownGrace;
    }

    /** Takes the times a dispatcher service publishes, those it publishes valid. */
    void seen(ServiceReference<?> dispatcher) {
        if (dispatcher.getProperty(HttpdAnchor.SWAP_HOLD) instanceof Integer value && value >= 0) {
            swapHold = value;
        }
        if (dispatcher.getProperty(HttpdAnchor.SHUTDOWN_GRACE) instanceof Integer value && value >= 0) {
            shutdownGrace = value;
        }
    }
}
