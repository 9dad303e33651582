package io.switchboard.httpd.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * A response body stream that takes the exchange's lock for every operation and refuses them once
 * the exchange is completed, so a handler writing from its own thread cannot interleave with the
 * error httpd writes when it abandons the exchange.
 */
final class GuardedOutputStream extends OutputStream {
    private final OutputStream out;
    private final Object lock;
    private final BooleanSupplier completed;
    private long written;

    GuardedOutputStream(OutputStream out, Object lock, BooleanSupplier completed) {
        this.out = out;
        this.lock = lock;
        this.completed = completed;
    }

    @Override
    public void write(int b) throws IOException {
        synchronized (lock) {
            requireOpen();
            out.write(b);
            written++;
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (lock) {
            requireOpen();
            out.write(bytes, offset, length);
            written += length;
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            requireOpen();
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (!completed.getAsBoolean()) {
                out.close();
            }
        }
    }

    /** @return the number of body bytes the handler wrote; read under the lock */
    long written() {
        return written;
    }

    private void requireOpen() throws IOException {
        if (completed.getAsBoolean()) {
            throw new IOException("the response is already completed");
        }
    }
}
