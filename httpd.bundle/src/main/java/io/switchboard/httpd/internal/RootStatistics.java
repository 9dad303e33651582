package io.switchboard.httpd.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;

import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;
import io.switchboard.support.stats.LatencyBuckets;
import io.switchboard.support.stats.LatencyHistogram;

/**
 * httpd's statistics group: for every root registered since httpd started, {@code <root>_requests},
 * {@code <root>_1xx} to {@code <root>_5xx}, {@code <root>_bytes_in}, {@code <root>_bytes_out} and
 * {@code <root>_held} (requests that waited for the root's next handler), and the histogram
 * {@code <root>_latency}: seconds from a request's arrival at httpd's dispatcher to the end of its
 * response, a held request's wait included, as its client saw it, with the bounds of
 * {@code latency_buckets}. The setting {@code statistics} turns the histograms, or all counting, off.
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
    static final String LATENCY = "_latency";

    /** The values of the setting {@code statistics}. */
    enum Counting {
        ALL, COUNTERS, NONE;

        /** @return the value a setting names, whatever its case; {@code null} for none */
        static Counting named(String text) {
            for (Counting counting : values()) {
                if (counting.text().equalsIgnoreCase(text)) {
                    return counting;
                }
            }
            return null;
        }

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ConcurrentMap<String, RootCounters> byRoot = new ConcurrentHashMap<>();
    private volatile Counting counting = Counting.ALL;
    /** Until httpd applies its configuration: the default of {@code latency_buckets}. */
    private double[] latencyBounds = LatencyHistogram.parseBounds(LatencyHistogram.DEFAULT_BOUNDS);

    /**
     * @return what a request to {@code root} counts into: nothing while {@code statistics=none}. A
     *         request keeps what it got on arrival, so those in flight when counting stops still count.
     */
    RootCounters of(String root) {
        return counting == Counting.NONE ? RootCounters.UNCOUNTED : list(root);
    }

    /** @return the counters of {@code root}, listed from now on whether or not httpd counts */
    RootCounters list(String root) {
        String label = RootHandler.FALLBACK.equals(root) ? FALLBACK : root;
        RootCounters counters = byRoot.get(label);
        return counters != null ? counters : create(label);
    }

    /** Under the lock the settings take: no root's counters are made with bounds or timing just replaced. */
    private synchronized RootCounters create(String label) {
        return byRoot.computeIfAbsent(label,
                newLabel -> new RootCounters(newLabel, latencyBounds, counting == Counting.ALL));
    }

    /** Applies {@code statistics}. */
    synchronized void counting(Counting next) {
        counting = next;
        byRoot.values().forEach(counters -> counters.timed(next == Counting.ALL));
    }

    /**
     * Applies {@code latency_buckets}: when the bounds change every root's latency starts afresh with
     * the new ones, and the counts so far are dropped.
     */
    synchronized void latencyBounds(List<Double> bounds) {
        double[] next = LatencyBuckets.toArray(bounds);
        if (!Arrays.equals(next, latencyBounds)) {
            latencyBounds = next;
            byRoot.values().forEach(counters -> counters.latencyBounds(next));
        }
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>(byRoot.size() * RootCounters.NAMES.length * 4 / 3 + 1);
        for (RootCounters counters : new TreeMap<>(byRoot).values()) {
            for (int i = 0; i < RootCounters.NAMES.length; i++) {
                values.put(counters.statisticName(i), counters.value(i));
            }
        }
        return values;
    }

    @Override
    public Map<String, MiHistogram> histograms() {
        Map<String, MiHistogram> histograms = new LinkedHashMap<>(byRoot.size() * 4 / 3 + 1);
        for (RootCounters counters : new TreeMap<>(byRoot).values()) {
            histograms.put(counters.latencyName(), counters.latency().snapshot());
        }
        return histograms;
    }

    /** @param name a counter's name, or a latency histogram's, which is emptied */
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
        if (name.endsWith(LATENCY)) {
            RootCounters counters = byRoot.get(name.substring(0, name.length() - LATENCY.length()));
            if (counters != null) {
                counters.latency().reset();
                return true;
            }
        }
        return false;
    }
}
