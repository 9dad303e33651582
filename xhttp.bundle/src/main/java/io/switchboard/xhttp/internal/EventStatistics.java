package io.switchboard.xhttp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.mi.MiStatistics;
import io.switchboard.support.stats.ConfiguredGauge;

/**
 * What xhttp and microhttpd both count, each in a statistics group of its own: {@code events}, the
 * requests handed to a handler; {@code 1xx} to {@code 5xx}, the replies the module sent, whoever
 * answered (a handler, or the module for it); {@code no_handler}, the 503s for a request no handler
 * would take; {@code no_reply}, the 504s for a handler that did not reply within {@code reply_timeout}.
 * A module adds counters of its own. The counters live as long as the bundle, across configuration
 * changes and handlers coming and going. The gauge {@value ConfiguredGauge#NAME} says whether the
 * running module has a valid configuration in force.
 */
abstract class EventStatistics implements MiStatistics {
    static final String EVENTS = "events";
    static final String NO_HANDLER = "no_handler";
    static final String NO_REPLY = "no_reply";
    private static final List<String> STATUS_CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");

    /** Every counter by name, in the order listed; never changed after construction. */
    private final Map<String, LongAdder> counters = new LinkedHashMap<>();
    private final ConfiguredGauge configured = new ConfiguredGauge();

    /** @param own the names of the module's own counters, listed after the shared ones */
    EventStatistics(String... own) {
        List<String> names = new ArrayList<>();
        names.add(EVENTS);
        names.addAll(STATUS_CLASSES);
        names.addAll(List.of(NO_HANDLER, NO_REPLY));
        names.addAll(List.of(own));
        names.forEach(name -> counters.put(name, new LongAdder()));
    }

    /** Counts a request handed to a handler. */
    void raised() {
        counters.get(EVENTS).increment();
    }

    /** Counts a reply the module sent. */
    void replied(int status) {
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= STATUS_CLASSES.size()) {
            counters.get(STATUS_CLASSES.get(statusClass - 1)).increment();
        }
    }

    /** Counts a request answered 503 because no handler would take it. */
    void noHandler() {
        counters.get(NO_HANDLER).increment();
    }

    /** Counts a request answered 504 because its handler did not reply in time. */
    void noReply() {
        counters.get(NO_REPLY).increment();
    }

    /** Says whether the running module has a valid configuration in force. */
    void configured(boolean inForce) {
        configured.set(inForce);
    }

    /** The module stopped: it says nothing about its configuration until it runs again. */
    void stopped() {
        configured.unknown();
    }

    /** @return one of the module's own counters, as named to the constructor */
    LongAdder counter(String name) {
        return counters.get(name);
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        counters.forEach((name, counter) -> values.put(name, counter.sum()));
        configured.addTo(values);
        return values;
    }

    @Override
    public Set<String> gauges() {
        return Set.of(ConfiguredGauge.NAME);
    }

    @Override
    public boolean reset(String name) {
        LongAdder counter = counters.get(name);
        if (counter == null) {
            return false;
        }
        counter.reset();
        return true;
    }
}
