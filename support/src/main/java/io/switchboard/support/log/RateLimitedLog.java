package io.switchboard.support.log;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Log lines of one kind (refusals, failed calls) that a client can cause at will, limited per client:
 * in each window the first few lines from a client are written, the rest are counted, and one summary
 * line gives the count. A client sending a million bad requests thus writes a handful of lines, while
 * the first lines of each new client still show at once.
 * <p>
 * Summaries are written when a later line of the same kind arrives after the window, and by {@link #flush()}.
 * IPv6 clients count by their /64.
 * The table of clients is bounded: past {@value #MAX_CLIENTS} clients in one window the others share one
 * entry.
 */
public final class RateLimitedLog {

    /** Lines written per client and window before the rest are only counted. */
    public static final int LINES_PER_WINDOW = 5;
    /** The window over which lines are counted. */
    public static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_CLIENTS = 1024;
    static final String OTHER_CLIENTS = "other clients";

    private final Logger logger;
    private final String kind;
    private final int linesPerWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<Object, Tally> tallies = new HashMap<>();
    private long sweptAt;

    /** Lines of {@code kind} (named in summaries, e.g. "mi_http refusal") written to {@code logger}. */
    public RateLimitedLog(Logger logger, String kind) {
        this(logger, kind, LINES_PER_WINDOW, WINDOW, System::nanoTime);
    }

    RateLimitedLog(Logger logger, String kind, int linesPerWindow, Duration window, LongSupplier nanoClock) {
        this.logger = logger;
        this.kind = kind;
        this.linesPerWindow = linesPerWindow;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.sweptAt = nanoClock.getAsLong();
    }

    public void warn(Object client, String format, Object... arguments) {
        if (logger.isWarnEnabled()) {
            write(Level.WARN, client, format, arguments);
        }
    }

    public void info(Object client, String format, Object... arguments) {
        if (logger.isInfoEnabled()) {
            write(Level.INFO, client, format, arguments);
        }
    }

    public void debug(Object client, String format, Object... arguments) {
        if (logger.isDebugEnabled()) {
            write(Level.DEBUG, client, format, arguments);
        }
    }

    /** Writes the summaries of every client whose lines were left out, and starts every window afresh. */
    public void flush() {
        List<Summary> due;
        synchronized (tallies) {
            due = sweep(Long.MAX_VALUE);
        }
        due.forEach(this::writeSummary);
    }

    private void write(Level level, Object client, String format, Object[] arguments) {
        boolean admitted;
        List<Summary> due;
        synchronized (tallies) {
            long now = nanoClock.getAsLong();
            due = now - sweptAt >= windowNanos ? sweep(now) : List.of();
            admitted = tallyOf(client, now).admit(level, linesPerWindow);
        }
        due.forEach(this::writeSummary);
        if (admitted) {
            level.write(logger, format, arguments);
        }
    }

    private Tally tallyOf(Object client, long now) {
        client = network(client);
        Tally tally = tallies.get(client);
        if (tally == null) {
            Object key = tallies.size() < MAX_CLIENTS - 1 ? client : OTHER_CLIENTS;
            tally = tallies.computeIfAbsent(key, k -> new Tally(now));
        }
        return tally;
    }

    /**
     * @return an IPv6 client's /64 (one subscriber's network, which holds more addresses than the
     *         table has room for), any other client as it is
     */
    static Object network(Object client) {
        if (client instanceof String text && text.indexOf(':') >= 0 && text.chars().allMatch(RateLimitedLog::literal)) {
            try {
                // Hex digits, colons and dots starting with either: parsed as a literal or refused, never looked up.
                if (InetAddress.getByName(text) instanceof Inet6Address address) {
                    byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                    Arrays.fill(prefix, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
                }
            } catch (UnknownHostException notAnAddress) {
                return client;
            }
        }
        return client;
    }

    private static boolean literal(int c) {
        return Character.digit(c, 16) >= 0 || c == ':' || c == '.';
    }

    /** Ends the windows that are over at {@code now}: all of them for {@code Long.MAX_VALUE}. */
    private List<Summary> sweep(long now) {
        List<Summary> due = new ArrayList<>();
        for (Iterator<Map.Entry<Object, Tally>> it = tallies.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Object, Tally> entry = it.next();
            Tally tally = entry.getValue();
            if (now == Long.MAX_VALUE || now - tally.since >= windowNanos) {
                if (tally.leftOut > 0) {
                    long end = now == Long.MAX_VALUE ? nanoClock.getAsLong() : now;
                    due.add(new Summary(entry.getKey(), tally.leftOut, tally.worst, end - tally.since));
                }
                it.remove();
            }
        }
        sweptAt = now == Long.MAX_VALUE ? nanoClock.getAsLong() : now;
        return due;
    }

    private void writeSummary(Summary summary) {
        summary.level().write(logger, "{}: {} more lines like the above from {} left out in {} s", new Object[] {
                kind, summary.leftOut(), summary.client(), TimeUnit.NANOSECONDS.toSeconds(summary.nanos())});
    }

    private record Summary(Object client, long leftOut, Level level, long nanos) {
    }

    private static final class Tally {
        final long since;
        int written;
        long leftOut;
        Level worst = Level.DEBUG;

        Tally(long since) {
            this.since = since;
        }

        boolean admit(Level level, int linesPerWindow) {
            if (written < linesPerWindow) {
                written++;
                return true;
            }
            leftOut++;
            if (level.ordinal() < worst.ordinal()) {
                worst = level;
            }
            return false;
        }
    }

    private enum Level {
        WARN {
            @Override
            void write(Logger logger, String format, Object[] arguments) {
                logger.warn(format, arguments);
            }
        },
        INFO {
            @Override
            void write(Logger logger, String format, Object[] arguments) {
                logger.info(format, arguments);
            }
        },
        DEBUG {
            @Override
            void write(Logger logger, String format, Object[] arguments) {
                logger.debug(format, arguments);
            }
        };

        abstract void write(Logger logger, String format, Object[] arguments);
    }
}
