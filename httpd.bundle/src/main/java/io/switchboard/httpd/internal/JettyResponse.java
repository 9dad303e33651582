package io.switchboard.httpd.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import io.switchboard.httpd.HttpdResponse;

/**
 * The response to one request, and the end of its exchange, over Jetty's core response and the
 * callback that ends the exchange. It moves through three {@link Phase phases}, only forward:
 * <ul>
 * <li>{@code HANDLING}: the handler's {@code handle} runs. When it returns, {@link #handlerReturned}
 * completes the response unless the handler deferred it.</li>
 * <li>{@code DEFERRED}: {@link #defer} was called; the handler completes the response later, within
 * {@code async_timeout} ({@link Deferral}).</li>
 * <li>{@code ENDED}: exactly one transition ended it, whichever came first: {@link #complete} sends
 * the handler's response; {@link #answer} sends httpd's own instead, or aborts the exchange when the
 * handler's is already committed; {@link #abort} sends nothing and Jetty resets the stream or closes
 * the connection. Then {@link #ended} runs once.</li>
 * </ul>
 * Writes and httpd's answer are serialised by a lock, so a handler writing from its own thread cannot
 * interleave with an answer.
 */
final class JettyResponse implements HttpdResponse {
    /** Jetty's own output buffer size, for {@code buf_size=0}. */
    private static final int DEFAULT_BUFFER = 32 * 1024;

    enum Phase { HANDLING, DEFERRED, ENDED }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final RootEntry entry;
    private final Deferral deferral;
    private final HttpdSettings settings;
    private final RootCounters counters;
    private final RequestBody body;
    /** When the request reached httpd's dispatcher: its latency runs from there to {@link #ended}. */
    private final long arrivedNanos;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.HANDLING);
    /**
     * A lock rather than a monitor: httpd, stopping, must be able to give up on a handler stuck in a
     * write ({@link #answerWithoutWaiting}).
     */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Written under {@code writeLock}; volatile because a stop that cannot wait for a writer counts without it. */
    private volatile ResponseBody output;
    /** Bytes of a body sent whole by {@link #send} or by httpd's answer; written under {@code writeLock}. */
    private volatile long directBytes;

    JettyResponse(Request request, Response response, Callback callback, RootEntry entry, Exchanges exchanges,
            HttpdSettings settings, RootCounters counters, RequestBody body, long arrivedNanos) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.entry = entry;
        this.deferral = new Deferral(request, entry, exchanges, settings);
        this.settings = settings;
        this.counters = counters;
        this.body = body;
        this.arrivedNanos = arrivedNanos;
    }

    @Override
    public HttpdResponse status(int code) {
        ResponseRules.requireFinalStatus(code);
        requireUncommitted();
        response.setStatus(code);
        return this;
    }

    @Override
    public HttpdResponse contentType(String contentType) {
        ResponseRules.requireSingleLine("content type", contentType);
        requireUncommitted();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        return this;
    }

    @Override
    public HttpdResponse header(String name, String value) {
        ResponseRules.requireSingleLine("header name", name);
        ResponseRules.requireSingleLine("header value", value);
        requireUncommitted();
        response.getHeaders().add(name, value);
        return this;
    }

    @Override
    public HttpdResponse contentLength(long length) {
        requireUncommitted();
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        return this;
    }

    @Override
    public OutputStream output() {
        writeLock.lock();
        try {
            if (output == null) {
                output = new ResponseBody(response, settings.bufSize() > 0 ? settings.bufSize() : DEFAULT_BUFFER,
                        writeLock, this::completed, this::complete);
            }
            return output;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void send(int code, String contentType, byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            status(code);
            contentType(contentType);
            if (output == null) {
                // Nothing buffered: the body goes out as the last write, without blocking this thread.
                Phase was = claimEnd();
                if (was != null) {
                    directBytes = bytes.length;
                    ended(was);
                    // Jetty may write after this returns: the caller keeps its array to reuse.
                    response.write(true, ByteBuffer.wrap(bytes.clone()), callback);
                }
                return;
            }
            output.write(bytes);
        } finally {
            writeLock.unlock();
        }
        complete();
    }

    @Override
    public void defer() {
        if (!deferUnlessEnded()) {
            throw new IllegalStateException("the response is already completed");
        }
    }

    /**
     * HANDLING to DEFERRED, as {@link #defer}, for a body that must be waited for.
     *
     * @return {@code false} when the response has ended
     */
    boolean deferUnlessEnded() {
        if (phase.compareAndSet(Phase.HANDLING, Phase.DEFERRED)) {
            deferral.begin(this);
        }
        return phase.get() != Phase.ENDED;
    }

    /** The handler's {@code handle} returned: unless it deferred the response, the response is complete. */
    void handlerReturned() {
        if (phase.get() == Phase.HANDLING) {
            complete();
        }
    }

    @Override
    public void complete() {
        Phase was = claimEnd();
        if (was == null) {
            return;
        }
        writeLock.lock();
        try {
            ended(was);
            if (output == null) {
                response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            } else {
                output.finish(callback);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Ends a response its handler will not finish with httpd's own answer, {@code status} and
     * {@code reason} as text, if nothing was sent yet; else aborts the exchange, so the client cannot
     * take a cut-off body for a whole one. What the handler buffered is dropped.
     *
     * @param close whether the client must close the connection: its request was not read to the end
     */
    void answer(int status, String reason, boolean close) {
        Phase was = claimEnd();
        if (was == null) {
            return;
        }
        writeLock.lock();
        try {
            answerEnded(was, status, reason, close);
        } finally {
            writeLock.unlock();
        }
    }

    /** @return the server's threads */
    Executor pool() {
        return request.getComponents().getExecutor();
    }

    /**
     * As {@link #answer}, here and now, as httpd does when it stops: when a handler thread is in the
     * middle of a write, the exchange is aborted instead, which fails that write, rather than waiting
     * for a client that may take its time to read.
     */
    void answerWithoutWaiting(int status, String reason) {
        Phase was = claimEnd();
        if (was == null) {
            return;
        }
        if (!writeLock.tryLock()) {
            ended(was);
            callback.failed(new IOException("root " + entry.root() + ": " + reason));
            return;
        }
        try {
            answerEnded(was, status, reason, false);
        } finally {
            writeLock.unlock();
        }
    }

    /** Under {@code writeLock}, once the caller ended the response. */
    private void answerEnded(Phase was, int status, String reason, boolean close) {
        if (response.isCommitted()) {
            ended(was);
            callback.failed(new IOException("root " + entry.root() + ": " + reason));
            return;
        }
        response.reset();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        byte[] text = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        // What the handler buffered is dropped with the reset: only the answer is counted as sent.
        output = null;
        directBytes = text.length;
        ended(was);
        response.write(true, ByteBuffer.wrap(text), callback);
    }

    /** Ends the exchange without a response: Jetty resets the stream or closes the connection. */
    void abort(Throwable failure) {
        Phase was = claimEnd();
        if (was == null) {
            return;
        }
        writeLock.lock();
        try {
            ended(was);
        } finally {
            writeLock.unlock();
        }
        callback.failed(failure);
    }

    /** @return the phase the response ends from, or {@code null} when it has already ended: the caller does nothing */
    private Phase claimEnd() {
        Phase was = phase.getAndSet(Phase.ENDED);
        return was == Phase.ENDED ? null : was;
    }

    /**
     * What follows the end of the response, whichever transition ended it, once: the timer stops, a
     * body still arriving stops, the handler's open responses forget it, and it is counted, its latency
     * with it.
     *
     * @param was the phase the response ended from
     */
    private void ended(Phase was) {
        body.exchangeEnded();
        if (was == Phase.DEFERRED) {
            deferral.end(this);
        }
        ResponseBody written = output;
        int status = response.getStatus();
        counters.responded(status == 0 ? 200 : status, body.bytesRead(),
                directBytes + (written == null ? 0 : written.written()), System.nanoTime() - arrivedNanos);
    }

    @Override
    public boolean committed() {
        return response.isCommitted();
    }

    @Override
    public boolean completed() {
        return phase.get() == Phase.ENDED;
    }

    /** @return the phase the response is in now */
    Phase phase() {
        return phase.get();
    }

    private void requireUncommitted() {
        boolean ended = completed();
        if (ended || response.isCommitted()) {
            throw new IllegalStateException("the response is already " + (ended ? "completed" : "committed"));
        }
    }
}
