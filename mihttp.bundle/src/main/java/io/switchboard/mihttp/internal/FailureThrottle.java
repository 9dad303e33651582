package io.switchboard.mihttp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Logins per client: one password check at a time, and after each failure a penalty window of 250 ms
 * doubling up to 8 s. A login is recorded when its check starts, so a client sending many at once
 * gets one guess and refusals for the rest; inside the window logins are refused without checking
 * the password, so guessing in parallel gains nothing and costs no hashing. A success does not clear
 * the count (an attacker with one account could otherwise reset it); 15 quiet minutes do. IPv6
 * clients count per /64, the block one host usually owns. When the table is full, the clients heard
 * from least recently are forgotten first.
 */
final class FailureThrottle {
    static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(15);
    static final int MAX_CLIENTS = 10_000;
    /** What a client waits while its previous login is being checked: about one check. */
    static final long CHECKING_MILLIS = 1_000;

    /**
     * @param count failures in a row
     * @param lastNanos when the client was last heard of: its last failure, or the start of a check
     * @param checking whether a check of the client's is under way
     */
    private record Client(int count, long lastNanos, boolean checking) {
    }

    private final ConcurrentMap<String, Client> byClient = new ConcurrentHashMap<>();
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

    /**
     * Starts a check of the client's login, unless one is under way or the penalty window is open.
     *
     * @return 0 when the check may run (end it with {@link #failed} or {@link #ended}), else the
     *         milliseconds the client should wait
     */
    long begin(String client) {
        long now = clock.getAsLong();
        if (!byClient.containsKey(client) && byClient.size() >= MAX_CLIENTS) {
            makeRoom(now);
        }
        long[] wait = { 0 };
        byClient.compute(client, (key, known) -> {
            if (known == null || now - known.lastNanos > FORGET_AFTER_NANOS) {
                return new Client(0, now, true);
            }
            wait[0] = known.checking ? CHECKING_MILLIS : left(known, now);
            return wait[0] > 0 ? known : new Client(known.count, now, true);
        });
        return wait[0];
    }

    /** Ends a check that failed. @return the client's failures in a row, this one included */
    int failed(String client) {
        long now = clock.getAsLong();
        return byClient.merge(client, new Client(1, now, false),
                (known, first) -> new Client(known.count + 1, now, false)).count;
    }

    /** Ends a check that passed, or never ran: the count stays as it was. */
    void ended(String client) {
        byClient.computeIfPresent(client, (key, known) -> known.count == 0 ? null
                : new Client(known.count, known.lastNanos, false));
    }

    /** @return the milliseconds left in the client's penalty window, 0 when it may try again */
    long waitMillis(String client) {
        Client known = byClient.get(client);
        return known == null ? 0 : left(known, clock.getAsLong());
    }

    int size() {
        return byClient.size();
    }

    /** @return the penalty after the given number of failures, in milliseconds */
    static long delayMillis(int failures) {
        return Math.min(8_000L, 250L << Math.min(Math.max(failures - 1, 0), 5));
    }

    private static long left(Client known, long now) {
        if (known.count == 0) {
            return 0;
        }
        long left = known.lastNanos + TimeUnit.MILLISECONDS.toNanos(delayMillis(known.count)) - now;
        return left > 0 ? TimeUnit.NANOSECONDS.toMillis(left) + 1 : 0;
    }

    /**
     * Forgets the clients quiet for 15 minutes, and if that is not enough the tenth heard from least
     * recently: they are the ones whose windows are longest over. Bounded above all: an attacker
     * with many addresses must not run the server out of memory.
     */
    private synchronized void makeRoom(long now) {
        if (byClient.size() < MAX_CLIENTS) {
            return;
        }
        byClient.values().removeIf(known -> now - known.lastNanos > FORGET_AFTER_NANOS);
        int excess = byClient.size() - MAX_CLIENTS * 9 / 10;
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<String, Client>> oldest = new ArrayList<>(byClient.entrySet());
        oldest.sort(Comparator.comparingLong(entry -> now - entry.getValue().lastNanos));
        oldest.subList(oldest.size() - excess, oldest.size()).forEach(entry -> byClient.remove(entry.getKey(), entry.getValue()));
    }
}
