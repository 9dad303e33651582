package io.switchboard.itest.mi;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/** Counts the log lines that contain every fragment, while open. */
final class RefusalCount implements LogListener, AutoCloseable {
    private final LogReaderService reader;
    private final String[] fragments;
    private final AtomicInteger lines = new AtomicInteger();

    RefusalCount(LogReaderService reader, String... fragments) {
        this.reader = reader;
        this.fragments = fragments;
        reader.addLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (Arrays.stream(fragments).allMatch(entry.getMessage()::contains)) {
            lines.incrementAndGet();
        }
    }

    int lines() {
        return lines.get();
    }

    @Override
    public void close() {
        reader.removeLogListener(this);
    }
}
