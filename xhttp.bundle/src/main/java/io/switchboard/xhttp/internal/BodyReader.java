package io.switchboard.xhttp.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a microhttpd request body without holding a thread: it takes what has arrived and asks Jetty
 * to call it again when more does. Taking bytes never blocks, so Jetty may call it on its I/O thread.
 * {@code body_timeout} bounds the whole body: a client trickling bytes keeps neither a thread nor,
 * past the bound, its request.
 */
final class BodyReader implements Invocable.Task {
    /** What became of the body; exactly one method is called, once, on a Jetty or a timer thread. */
    interface Outcome {
        void read(byte[] body);

        void tooLarge();

        void timedOut();

        void failed(Throwable failure);
    }

    /** A declared length is not trusted for more than this until the bytes arrive. */
    private static final int FIRST_CAPACITY = 64 * 1024;

    private final Request request;
    private final int limit;
    private final Outcome outcome;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Future<?> timeout;
    /* Only run() touches these, and Jetty never runs it twice at once. */
    private byte[] bytes;
    private int size;

    private BodyReader(Request request, int limit, Outcome outcome) {
        this.request = request;
        this.limit = limit;
        this.outcome = outcome;
        long declared = request.getLength();
        bytes = new byte[(int) Math.min(limit, declared >= 0 ? Math.min(declared, FIRST_CAPACITY) : FIRST_CAPACITY)];
    }

    /**
     * Starts reading {@code request}'s body, at most {@code limit} bytes within {@code timeoutMillis}.
     *
     * @throws java.util.concurrent.RejectedExecutionException when {@code timer} is stopped
     */
    static void read(Request request, int limit, long timeoutMillis, ScheduledExecutorService timer, Outcome outcome) {
        BodyReader reader = new BodyReader(request, limit, outcome);
        reader.timeout = timer.schedule(reader::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        reader.run();
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public void run() {
        while (!settled.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (settle()) {
                    // Jetty's idle timeout is a timeout too: the client stopped sending.
                    if (chunk.getFailure() instanceof TimeoutException) {
                        outcome.timedOut();
                    } else {
                        outcome.failed(chunk.getFailure());
                    }
                }
                return;
            }
            boolean fits = append(chunk.getByteBuffer());
            boolean last = chunk.isLast();
            chunk.release();
            if (!fits) {
                if (settle()) {
                    outcome.tooLarge();
                }
                return;
            }
            if (last) {
                if (settle()) {
                    outcome.read(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
                }
                return;
            }
        }
    }

    private boolean append(ByteBuffer buffer) {
        int length = buffer.remaining();
        if (length > limit - size) {
            return false;
        }
        if (length > bytes.length - size) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + length, 2L * bytes.length)));
        }
        buffer.get(bytes, size, length);
        size += length;
        return true;
    }

    /**
     * Past {@code body_timeout}: failing the request wakes a read waiting for bytes, so none is left
     * pending when the 408 completes the response, and the connection is not reused.
     */
    private void expire() {
        if (settled.compareAndSet(false, true)) {
            request.fail(new TimeoutException("body_timeout"));
            outcome.timedOut();
        }
    }

    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        Future<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
        return true;
    }
}
