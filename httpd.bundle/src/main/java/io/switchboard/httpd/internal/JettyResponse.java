package io.switchboard.httpd.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.HttpdResponse;

/**
 * The response to one request, and the end of its exchange, over Jetty's core response and the
 * callback that ends the exchange. It moves through three {@link Phase phases}, only forward:
 * <ul>
 * <li>{@code HANDLING}: the handler's {@code handle} runs. When it returns, {@link #handlerReturned}
 * completes the response unless the handler deferred it.</li>
 * <li>{@code DEFERRED}: {@link #defer} was called; the handler completes the response later, within
 * {@code async_timeout}, and meanwhile it is one of its handler's open {@link Exchanges}.</li>
 * <li>{@code ENDED}: exactly one transition ended it, whichever came first: {@link #complete} sends
 * the handler's response; {@link #answer} sends httpd's own instead, or aborts the exchange when the
 * handler's is already committed; {@link #abort} sends nothing and Jetty resets the stream or closes
 * the connection. Then {@link #ended} runs once.</li>
 * </ul>
 * Writes and httpd's answer are serialised by a lock, so a handler writing from its own thread cannot
 * interleave with an answer.
 */
final class JettyResponse implements HttpdResponse {
    private static final Logger LOG = LoggerFactory.getLogger(JettyResponse.class);
    /** Jetty's own output buffer size, for {@code buf_size=0}. */
    private static final int DEFAULT_BUFFER = 32 * 1024;

    enum Phase { HANDLING, DEFERRED, ENDED }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final RootEntry entry;
    private final Exchanges exchanges;
    private final HttpdSettings settings;
    private final RootCounters counters;
    private final RequestBody body;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.HANDLING);
    private volatile Scheduler.Task timeout;
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
            HttpdSettings settings, RootCounters counters, RequestBody body) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.entry = entry;
        this.exchanges = exchanges;
        this.settings = settings;
        this.counters = counters;
        this.body = body;
    }

    @Override
    public HttpdResponse status(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("status " + code + " is outside 200-599"
                    + (code >= 100 && code < 200 ? ": a 1xx is not a final status" : ""));
        }
        requireUncommitted();
        response.setStatus(code);
        return this;
    }

    @Override
    public HttpdResponse contentType(String contentType) {
        requireSingleLine("content type", contentType);
        requireUncommitted();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        return this;
    }

    @Override
    public HttpdResponse header(String name, String value) {
        requireSingleLine("header name", name);
        requireSingleLine("header value", value);
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
                Phase was = phase.getAndSet(Phase.ENDED);
                if (was != Phase.ENDED) {
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
            deferred();
        }
        return phase.get() != Phase.ENDED;
    }

    private void deferred() {
        // async_timeout is the limit for a deferred response: the connection's idle timeout is not.
        request.addIdleTimeoutListener(idle -> false);
        request.addFailureListener(this::connectionFailed);
        if (!exchanges.opened(this)) {
            answer(503, "the handler of root " + entry.root() + " went away", false);
            return;
        }
        // The 504 may wait for a handler thread stuck in a write: never on Jetty's one scheduler
        // thread, which also runs the idle timeouts that would free that write.
        Executor executor = request.getComponents().getExecutor();
        timeout = request.getComponents().getScheduler().schedule(() -> executor.execute(this::timedOut),
                settings.asyncTimeout(), TimeUnit.MILLISECONDS);
        if (phase.get() == Phase.ENDED) {
            // Ended by another thread meanwhile: ended() may have run before the response was open and timed.
            timeout.cancel();
            exchanges.closed(this);
        }
    }

    /** The handler's {@code handle} returned: unless it deferred the response, the response is complete. */
    void handlerReturned() {
        if (phase.get() == Phase.HANDLING) {
            complete();
        }
    }

    @Override
    public void complete() {
        Phase was = phase.getAndSet(Phase.ENDED);
        if (was == Phase.ENDED) {
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
        Phase was = phase.getAndSet(Phase.ENDED);
        if (was == Phase.ENDED) {
            return;
        }
        writeLock.lock();
        try {
            answerEnded(was, status, reason, close);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * As {@link #answer}, on a thread of the server's pool: a handler thread stuck in a write holds the
     * lock an answer needs, and the caller may not wait for it.
     */
    void answerOnPool(int status, String reason) {
        request.getComponents().getExecutor().execute(() -> answer(status, reason, false));
    }

    /**
     * As {@link #answer}, here and now, as httpd does when it stops: when a handler thread is in the
     * middle of a write, the exchange is aborted instead, which fails that write, rather than waiting
     * for a client that may take its time to read.
     */
    void answerWithoutWaiting(int status, String reason) {
        Phase was = phase.getAndSet(Phase.ENDED);
        if (was == Phase.ENDED) {
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
        Phase was = phase.getAndSet(Phase.ENDED);
        if (was == Phase.ENDED) {
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

    private void timedOut() {
        if (phase.get() == Phase.ENDED) {
            return;
        }
        String client = Request.getRemoteAddr(request);
        ClientLines.TIMEOUTS.warn(client, "root {}: handler service {} did not complete {} {} from {} within "
                + "async_timeout={} ms; answered 504", entry.root(), entry.serviceId(), request.getMethod(),
                JettyRequest.url(request), client, settings.asyncTimeout());
        answer(504, "the handler did not answer within " + settings.asyncTimeout() + " ms", false);
    }

    /** The client went away or the connection failed: nothing more can be sent. */
    private void connectionFailed(Throwable failure) {
        LOG.debug("root {}: {} {} failed: {}", entry.root(), request.getMethod(), JettyRequest.url(request),
                failure.toString());
        abort(failure);
    }

    /**
     * What follows the end of the response, whichever transition ended it, once: the timer stops, a
     * body still arriving stops, the handler's open responses forget it, and it is counted.
     *
     * @param was the phase the response ended from
     */
    private void ended(Phase was) {
        Scheduler.Task pending = timeout;
        if (pending != null) {
            pending.cancel();
        }
        body.exchangeEnded();
        if (was == Phase.DEFERRED) {
            exchanges.closed(this);
        }
        ResponseBody written = output;
        int status = response.getStatus();
        counters.responded(status == 0 ? 200 : status, body.bytesRead(),
                directBytes + (written == null ? 0 : written.written()));
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

    private static void requireSingleLine(String what, String value) {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be one line without CR or LF: " + Arrays.asList(value));
        }
    }
}
