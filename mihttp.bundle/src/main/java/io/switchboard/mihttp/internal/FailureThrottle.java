package io.switchboard.mihttp.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address, and how long to hold back the answer to the next one: 250 ms
 * after the first failure, doubling up to 8 s. An address forgets its failures after 15 quiet
 * minutes or one successful login.
 */
final class FailureThrottle {
    static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(15);
    private static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, long lastNanos) {
    }

    private final ConcurrentMap<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    FailureThrottle(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** @return how many failures the address has had in a row, this one included */
    int failed(String address) {
        long now = clock.getAsLong();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(failures -> now - failures.lastNanos > FORGET_AFTER_NANOS);
        }
        return byAddress.merge(address, new Failures(1, now), (old, first) -> now - old.lastNanos > FORGET_AFTER_NANOS
                ? first : new Failures(old.count + 1, now)).count;
    }

    void succeeded(String address) {
        byAddress.remove(address);
    }

    /** @return the delay before answering the given failure, in milliseconds */
    static long delayMillis(int failures) {
        return Math.min(8_000L, 250L << Math.min(Math.max(failures - 1, 0), 5));
    }
}
