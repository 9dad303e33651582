package io.switchboard.itest.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/**
 * A statistics group as a third-party bundle publishes it, knowing nothing of Prometheus: a count, a level
 * and a latency histogram.
 */
final class ShopStatistics implements MiStatistics {
    static final MiHistogram CHECKOUT = new MiHistogram(new double[] { 0.01, 0.1, 1 }, new long[] { 4, 2, 1, 1 },
            2.5);

    final LongAdder orders = new LongAdder();
    final AtomicLong openCarts = new AtomicLong();

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("orders", orders.sum());
        values.put("open_carts", openCarts.get());
        return values;
    }

    @Override
    public Set<String> gauges() {
        return Set.of("open_carts");
    }

    @Override
    public Map<String, MiHistogram> histograms() {
        return Map.of("checkout_seconds", CHECKOUT);
    }

    @Override
    public boolean reset(String name) {
        if (!name.equals("orders")) {
            return false;
        }
        orders.reset();
        return true;
    }
}
