package io.switchboard.itest;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.switchboard.mi.MiStatistics;

/**
 * One statistics group as {@code get_statistics} shows it (the highest-ranked {@link MiStatistics}
 * service of the group), watched from a moment on: a test says by how much each counter moved since
 * then. Counters of other tests, and of the requests that proved a configuration in force, are left
 * behind that moment.
 */
public final class Counters {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String group;
    private Map<String, Long> start;

    private Counters(String group) {
        this.group = group;
    }

    /** @return the group watched from now on */
    public static Counters watch(String group) throws Exception {
        Counters counters = new Counters(group);
        counters.restart();
        return counters;
    }

    /** Watches from now on. */
    public void restart() throws Exception {
        start = statistics().values();
    }

    /** @return the group's service: the one {@code get_statistics} shows */
    public MiStatistics statistics() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Counters.class).getBundleContext();
        ServiceReference<MiStatistics> best = context
                .getServiceReferences(MiStatistics.class, "(" + MiStatistics.GROUP + "=" + group + ")").stream()
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("no statistics group " + group));
        MiStatistics statistics = context.getService(best);
        context.ungetService(best);
        return statistics;
    }

    /** @return how much each counter, gauges left out, moved since the start */
    public Map<String, Long> moved() throws Exception {
        MiStatistics statistics = statistics();
        Set<String> gauges = statistics.gauges();
        Map<String, Long> moved = new LinkedHashMap<>();
        statistics.values().forEach((name, value) -> {
            if (!gauges.contains(name)) {
                moved.put(name, value - start.getOrDefault(name, 0L));
            }
        });
        return moved;
    }

    /**
     * Waits until the counters named moved by exactly the amounts given and every other counter of the
     * group did not move: a request may be counted just after its client has the response.
     *
     * @param expected name, amount, name, amount...
     */
    public void awaitMoved(Object... expected) throws Exception {
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (String name : moved().keySet()) {
            wanted.put(name, 0L);
        }
        for (int i = 0; i < expected.length; i += 2) {
            if (wanted.put((String) expected[i], ((Number) expected[i + 1]).longValue()) == null) {
                throw new AssertionError(group + " has no counter " + expected[i] + ": " + wanted.keySet());
            }
        }
        awaitValues(group + " moved by " + wanted, wanted, this::moved);
    }

    /**
     * Waits until the gauges named show exactly these levels.
     *
     * @param expected name, level, name, level...
     */
    public void awaitGauges(Object... expected) throws Exception {
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i += 2) {
            wanted.put((String) expected[i], ((Number) expected[i + 1]).longValue());
        }
        awaitValues(group + " gauges at " + wanted, wanted, () -> {
            MiStatistics statistics = statistics();
            Map<String, Long> values = statistics.values();
            Map<String, Long> levels = new LinkedHashMap<>();
            for (String name : wanted.keySet()) {
                // A name the group does not list as a gauge is left out: the wait then fails, saying so.
                if (statistics.gauges().contains(name)) {
                    levels.put(name, values.get(name));
                }
            }
            return levels;
        });
    }

    private interface Reading {
        Map<String, Long> read() throws Exception;
    }

    private static void awaitValues(String what, Map<String, Long> wanted, Reading reading) throws Exception {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>();
        try {
            Configs.await(what, WAIT, () -> {
                last.set(reading.read());
                return wanted.equals(last.get());
            });
        } catch (AssertionError notReached) {
            throw new AssertionError(notReached.getMessage() + "; last seen " + last.get(), notReached);
        }
    }
}
