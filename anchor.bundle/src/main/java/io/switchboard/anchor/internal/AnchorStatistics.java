package io.switchboard.anchor.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.mi.MiStatistics;

/**
 * The anchor's statistics group: {@code held}, the requests that waited for httpd while it was away,
 * and {@code unavailable}, those answered 503 because it did not come back within the swap hold.
 */
final class AnchorStatistics implements MiStatistics {
    static final String GROUP = "anchor";

    private final Map<String, LongAdder> counters = Map.of("held", new LongAdder(), "unavailable", new LongAdder());

    void held() {
        counters.get("held").increment();
    }

    void unavailable() {
        counters.get("unavailable").increment();
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("held", counters.get("held").sum());
        values.put("unavailable", counters.get("unavailable").sum());
        return values;
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
