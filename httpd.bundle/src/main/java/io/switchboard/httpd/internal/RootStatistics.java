package io.switchboard.httpd.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;

import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiStatistics;

/**
 * httpd's statistics group: for every root registered since httpd started, {@code <root>_requests},
 * {@code <root>_1xx} to {@code <root>_5xx}, {@code <root>_bytes_in}, {@code <root>_bytes_out} and
 * {@code <root>_held} (requests that waited for the root's next handler).
 * The fallback handler's root counts as {@code fallback}, requests no handler took as
 * {@code unrouted}; no root may take those names. Counters outlive their handlers, so a hot swap does
 * not reset them. Immediate: the counters live as long as the bundle, not as long as their readers.
 */
@Component(service = { MiStatistics.class, RootStatistics.class }, immediate = true,
        property = MiStatistics.GROUP + "=" + RootStatistics.GROUP)
public final class RootStatistics implements MiStatistics {
    static final String GROUP = "httpd";
    static final String FALLBACK = "fallback";
    static final String UNROUTED = "unrouted";
    /** The labels of what is not a root: a root of the same name would share their counters. */
    static final Set<String> RESERVED = Set.of(FALLBACK, UNROUTED);

    private final ConcurrentMap<String, RootCounters> byRoot = new ConcurrentHashMap<>();

    RootCounters of(String root) {
        return byRoot.computeIfAbsent(RootHandler.FALLBACK.equals(root) ? FALLBACK : root, label -> new RootCounters());
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        new TreeMap<>(byRoot).forEach((label, counters) -> {
            for (int i = 0; i < RootCounters.NAMES.length; i++) {
                values.put(label + "_" + RootCounters.NAMES[i], counters.value(i));
            }
        });
        return values;
    }

    @Override
    public boolean reset(String name) {
        for (int i = 0; i < RootCounters.NAMES.length; i++) {
            String suffix = "_" + RootCounters.NAMES[i];
            if (name.endsWith(suffix)) {
                RootCounters counters = byRoot.get(name.substring(0, name.length() - suffix.length()));
                if (counters != null) {
                    counters.reset(i);
                    return true;
                }
            }
        }
        return false;
    }
}
