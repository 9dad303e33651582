package io.switchboard.xhttp.internal;

import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiStatistics;

/**
 * microhttpd's statistics group, named after the Kamailio module as its PID is: the shared
 * {@link EventStatistics} plus {@code refused_allowed_ips}, the connections closed because
 * {@code allowed_ips} leaves their client out (at accept, or when the list narrowed). Immediate: the
 * counters live as long as the bundle, across listeners.
 */
@Component(service = { MiStatistics.class, MicrohttpdStatistics.class }, immediate = true,
        property = MiStatistics.GROUP + "=" + MicrohttpdStatistics.GROUP)
public final class MicrohttpdStatistics extends EventStatistics {
    static final String GROUP = "microhttpd";
    static final String REFUSED_ALLOWED_IPS = "refused_allowed_ips";

    private final LongAdder refused;

    public MicrohttpdStatistics() {
        super(REFUSED_ALLOWED_IPS);
        refused = counter(REFUSED_ALLOWED_IPS);
    }

    /** Counts a connection closed because {@code allowed_ips} leaves its client out. */
    void refused() {
        refused.increment();
    }
}
