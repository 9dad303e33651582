package io.switchboard.mihttp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failed logins per client, and the penalty window that follows each: 250 ms after the first failure,
 * doubling up to 8 s. Inside the window a client's logins are refused without checking the password,
 * so guessing in parallel gains nothing and costs no hashing. A success does not clear the count (an
 * attacker with one account could otherwise reset it); 15 quiet minutes do. IPv6 clients count per
 * /64, the block one host usually owns.
 */
final class FailureThrottle {
    static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(15);
    private static final int MAX_CLIENTS = 10_000;

    private record Failures(int count, long lastNanos) {
    }

    private final ConcurrentMap<String, Failures> byClient = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    FailureThrottle(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** @return the key a client's failures count under */
    static String client(InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address && !address.isLoopbackAddress()) {
            return Arrays.toString(Arrays.copyOf(address.getAddress(), 8)) + "/64";
        }
        return remote.getHostString();
    }

    /** @return how many failures the client has had, this one included */
    int failed(String client) {
        long now = clock.getAsLong();
        if (byClient.size() >= MAX_CLIENTS) {
            byClient.values().removeIf(failures -> now - failures.lastNanos > FORGET_AFTER_NANOS);
            if (byClient.size() >= MAX_CLIENTS) {
                // Bounded above all: forgetting is the lesser harm than running out of memory.
                byClient.clear();
            }
        }
        return byClient.merge(client, new Failures(1, now), (old, first) -> now - old.lastNanos > FORGET_AFTER_NANOS
                ? first : new Failures(old.count + 1, now)).count;
    }

    /** @return the milliseconds left in the client's penalty window, 0 when it may try again */
    long waitMillis(String client) {
        Failures failures = byClient.get(client);
        if (failures == null) {
            return 0;
        }
        long left = failures.lastNanos + TimeUnit.MILLISECONDS.toNanos(delayMillis(failures.count)) - clock.getAsLong();
        return left > 0 ? TimeUnit.NANOSECONDS.toMillis(left) + 1 : 0;
    }

    /** @return the penalty after the given number of failures, in milliseconds */
    static long delayMillis(int failures) {
        return Math.min(8_000L, 250L << Math.min(Math.max(failures - 1, 0), 5));
    }
}
