package io.switchboard.httpd.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * A response body stream over Jetty's {@link Response}: bytes are kept up to {@code buf_size} and
 * then sent as a chunk, so a body that fits the buffer goes out whole with a {@code Content-Length}.
 * The buffer grows as bytes come, so a short reply does not cost a whole {@code buf_size}.
 * <p>
 * Every operation takes the exchange's lock and is refused once the exchange is completed, so a
 * handler writing from its own thread cannot interleave with the error httpd writes when it abandons
 * the exchange.
 */
final class ResponseBody extends OutputStream {
    private static final int FIRST_BUFFER = 512;

    private final Response response;
    private final Lock lock;
    private final BooleanSupplier completed;
    private final Runnable complete;
    private final int capacity;
    private byte[] buffer = new byte[0];
    private int buffered;
    /** Written under the lock; volatile because a stop that cannot wait for a writer counts without it. */
    private volatile long written;

    /**
     * @param completed whether the exchange is completed
     * @param complete completes the exchange; closing the stream does
     */
    ResponseBody(Response response, int bufferSize, Lock lock, BooleanSupplier completed, Runnable complete) {
        this.response = response;
        this.capacity = bufferSize;
        this.lock = lock;
        this.completed = completed;
        this.complete = complete;
    }

    @Override
    public void write(int b) throws IOException {
        lock.lock();
        try {
            requireOpen();
            room(1);
            buffer[buffered++] = (byte) b;
            written++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        lock.lock();
        try {
            requireOpen();
            int done = 0;
            while (done < length) {
                room(length - done);
                int n = Math.min(length - done, buffer.length - buffered);
                System.arraycopy(bytes, offset + done, buffer, buffered, n);
                buffered += n;
                done += n;
            }
            written += length;
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is buffered now, and the status and headers if they are not sent yet. */
    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            requireOpen();
            send();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closing completes the response, as closing a servlet's stream does: what is buffered goes out
     * as the last write, with its Content-Length when nothing was sent before.
     */
    @Override
    public void close() {
        complete.run();
    }

    /**
     * Sends the rest as the last write; Jetty completes {@code done} when it is out. Called once,
     * under the lock, by the exchange as it completes.
     */
    void finish(Callback done) {
        response.write(true, ByteBuffer.wrap(buffer, 0, buffered), done);
        buffered = 0;
    }

    /** @return the number of body bytes the handler wrote; read under the lock */
    long written() {
        return written;
    }

    /** Makes room for at least one of {@code wanted} bytes: grows the buffer, or sends it once full. */
    private void room(int wanted) throws IOException {
        if (buffered < buffer.length) {
            return;
        }
        if (buffer.length < capacity) {
            int grown = Math.min(capacity, Math.max(Math.max(FIRST_BUFFER, buffer.length * 2), buffered + wanted));
            buffer = Arrays.copyOf(buffer, grown);
        } else {
            send();
        }
    }

    private void send() throws IOException {
        try (Blocker.Callback sent = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(buffer, 0, buffered), sent);
            sent.block();
        }
        buffered = 0;
    }

    private void requireOpen() throws IOException {
        if (completed.getAsBoolean()) {
            throw new IOException("the response is already completed");
        }
    }
}
