package io.switchboard.itest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/** Collects the log lines every bundle writes (through pax-logging's LogReaderService). */
public final class LogCapture implements LogListener, AutoCloseable {
    private final LogReaderService reader;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public LogCapture(LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        lines.add(entry.getLogLevel() + " " + entry.getMessage());
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits for a line containing every fragment: woken by each line logged. */
    public synchronized String await(Duration timeout, String... fragments) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            for (String line : lines) {
                if (List.of(fragments).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        throw new AssertionError("no log line with " + List.of(fragments) + " within " + timeout + "; saw " + lines);
    }

    /** @return how many lines so far contain every fragment */
    public long count(String... fragments) {
        return lines.stream().filter(line -> List.of(fragments).stream().allMatch(line::contains)).count();
    }

    @Override
    public void close() {
        reader.removeLogListener(this);
    }
}
