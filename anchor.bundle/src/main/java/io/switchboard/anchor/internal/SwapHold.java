package io.switchboard.anchor.internal;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;

import io.switchboard.anchor.HttpdAnchor;

/**
 * httpd's {@code swap_hold}, as its dispatcher last said it: how long requests wait for httpd, and
 * how long a socket stays open for the next revision of the bundle that left it. Kept while httpd
 * is away, which is when it counts.
 */
@Component(service = SwapHold.class)
public final class SwapHold {
    private volatile int millis = HttpdAnchor.DEFAULT_SWAP_HOLD;

    int millis() {
        return millis;
    }

    /** Takes the hold a dispatcher service publishes, when it publishes a valid one. */
    void seen(ServiceReference<?> dispatcher) {
        if (dispatcher.getProperty(HttpdAnchor.SWAP_HOLD) instanceof Integer value && value >= 0) {
            millis = value;
        }
    }
}
