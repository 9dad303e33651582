package io.switchboard.httpd.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import io.switchboard.httpd.BodyTooLargeException;

/**
 * Reads a request body whole as its bytes arrive, asking Jetty to call back when more are there
 * ({@link Request#demand}), so no thread waits for a slow client. Jetty's own whole-body readers fail
 * the request when it is too long, and then no 413 can be sent: this one only stops reading.
 */
final class BodyCollector implements Runnable {
    /** The longest body an array can hold. */
    static final long MOST = Integer.MAX_VALUE - 8;
    private static final int INITIAL = 16 * 1024;
    private final Request request;
    private final long limit;
    private final ByteArrayOutputStream bytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile long read;

    /** @param limit the most bytes the body may have, at most {@link #MOST} */
    private BodyCollector(Request request, long limit) {
        this.request = request;
        this.limit = Math.min(limit, MOST);
        // The buffer grows with what arrives: a declared length costs nothing until its bytes come.
        long declared = request.getLength();
        this.bytes = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, INITIAL) : 1024);
    }

    /**
     * Starts reading: what is there already is read before this returns; for the rest, {@link #awaitRest}.
     *
     * @return a collector whose {@link #result()} completes with the body, or with
     *         {@link BodyTooLargeException} past {@code limit}, or with Jetty's failure of the request
     */
    static BodyCollector start(Request request, long limit) {
        BodyCollector collector = new BodyCollector(request, limit);
        collector.readAvailable();
        return collector;
    }

    /** Reads the rest as it arrives; for a body {@link #start} did not read whole. */
    void awaitRest() {
        request.demand(this);
    }

    CompletableFuture<byte[]> result() {
        return result;
    }

    /** @return the bytes read so far */
    long read() {
        return read;
    }

    @Override
    public void run() {
        if (!readAvailable()) {
            request.demand(this);
        }
    }

    /** @return {@code false} when more must arrive before the body is read */
    private boolean readAvailable() {
        while (!result.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return true;
            }
            try {
                ByteBuffer buffer = chunk.getByteBuffer();
                if (read + buffer.remaining() > limit) {
                    result.completeExceptionally(new BodyTooLargeException(limit));
                    return true;
                }
                read += buffer.remaining();
                if (buffer.hasArray()) {
                    bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                } else {
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.get(copy);
                    bytes.write(copy, 0, copy.length);
                }
                if (chunk.isLast()) {
                    result.complete(bytes.toByteArray());
                }
            } finally {
                chunk.release();
            }
        }
        return true;
    }
}
