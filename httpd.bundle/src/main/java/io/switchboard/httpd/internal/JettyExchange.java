package io.switchboard.httpd.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.BodyTooLargeException;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RequestRefusedException;
import io.switchboard.httpd.RootHandler;

/**
 * One request and its response, over Jetty's core request, response and the callback that ends
 * the exchange.
 */
final class JettyExchange implements HttpdRequest, HttpdResponse {
    private static final Logger LOG = LoggerFactory.getLogger(JettyExchange.class);
    /** Jetty's own output buffer size, for {@code buf_size=0}. */
    private static final int DEFAULT_BUFFER = 32 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final RootEntry entry;
    private final RequestPath path;
    private final HttpdSettings settings;
    private final RootCounters counters;
    /** Claimed by whoever ends the exchange: every way of ending it runs once, counting included. */
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile boolean deferred;
    private volatile Scheduler.Task timeout;
    /** Set once under {@code this}; volatile so the exchange can be counted without waiting for a reader. */
    private volatile LimitedInputStream body;
    /** What {@link #readBody} reads, set once under {@code this}; volatile for the same reason as {@link #body}. */
    private volatile WholeBody wholeBody;
    /** {@link #body()} once {@link #readBody} read it; guarded by {@code this}. */
    private InputStream wholeStream;
    /** Guarded by {@code this}. */
    private Map<String, List<String>> args;
    /**
     * Serialises body writes with the error httpd writes when it abandons the exchange. A lock rather
     * than a monitor: httpd, stopping, must be able to give up on a handler stuck in a write.
     */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guarded by {@code writeLock}. */
    private ResponseBody output;
    /** Bytes of a body sent whole by {@link #send} or by httpd itself; guarded by {@code writeLock}. */
    private long directBytes;

    JettyExchange(Request request, Response response, Callback callback, RootEntry entry, RequestPath path,
            HttpdSettings settings, RootCounters counters) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.entry = entry;
        this.path = path;
        this.settings = settings;
        this.counters = counters;
    }

    // --- request

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String protocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String root() {
        return entry.root();
    }

    @Override
    public String path() {
        return entry.root().equals(RootHandler.FALLBACK) ? path.full() : path.below();
    }

    @Override
    public String query() {
        String query = request.getHttpURI().getQuery();
        return query == null ? "" : query;
    }

    @Override
    public String url() {
        HttpURI uri = request.getHttpURI();
        String query = uri.getQuery();
        return query == null ? uri.getPath() : uri.getPath() + "?" + query;
    }

    @Override
    public Optional<String> arg(String name) {
        List<String> values = args().get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public synchronized Map<String, List<String>> args() {
        if (args == null) {
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            boolean form = type != null
                    && MimeTypes.Type.FORM_ENCODED.is(MimeTypes.getContentTypeWithoutCharset(type));
            Charset charset = form ? MimeTypes.DEFAULTS.getCharset(type) : null;
            args = FormArguments.parse(query(), form ? formBody() : null,
                    charset == null ? StandardCharsets.UTF_8 : charset, settings.forms());
        }
        return args;
    }

    /** @return the form's bytes, read on this thread unless {@link #readBody} read them; at most one past the limit */
    private byte[] formBody() {
        HttpdSettings.Forms limits = settings.forms();
        byte[] whole = wholeBody();
        if (whole != null) {
            return whole;
        }
        if (contentLength() > limits.maxSize()) {
            throw FormArguments.tooLarge(limits);
        }
        try {
            return body().readNBytes(limits.maxSize() + 1);
        } catch (BodyTooLargeException tooLarge) {
            throw new RequestRefusedException(413, DispatchHandler.tooLarge(tooLarge.limit()));
        } catch (IOException unreadable) {
            throw new RequestRefusedException(400, "Bad Request: the form cannot be read: " + unreadable);
        }
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    @Override
    public List<String> headerNames() {
        return List.copyOf(request.getHeaders().getFieldNamesCollection());
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }

    @Override
    public long contentLength() {
        return request.getLength();
    }

    @Override
    public synchronized InputStream body() throws IOException {
        if (wholeBody != null) {
            byte[] whole = wholeBody.bytes();
            if (whole == null) {
                throw new IllegalStateException("readBody() has not read the body (yet)");
            }
            if (wholeStream == null) {
                wholeStream = new ByteArrayInputStream(whole);
            }
            return wholeStream;
        }
        if (body == null) {
            body = new LimitedInputStream(new BufferedInputStream(Content.Source.asInputStream(request),
                    settings.postBufSize()), settings.maxBodySize());
        }
        return body;
    }

    @Override
    public byte[] bodyBytes() throws IOException {
        byte[] whole = wholeBody();
        if (whole != null) {
            return whole;
        }
        long declared = contentLength();
        if (declared == 0 || hasNoBody()) {
            return new byte[0];
        }
        if (settings.maxBodySize() > 0 && declared > settings.maxBodySize()) {
            throw new BodyTooLargeException(settings.maxBodySize());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 1 << 20) : 256);
        byte[] buffer = new byte[settings.postBufSize()];
        InputStream in = body();
        for (int n; (n = in.read(buffer)) >= 0;) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public synchronized CompletionStage<byte[]> readBody(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a body limit cannot be negative: " + limit);
        }
        if (wholeBody != null) {
            return wholeBody.stage();
        }
        if (body != null) {
            throw new IllegalStateException("the body is already read as a stream");
        }
        wholeBody = completed.get()
                ? WholeBody.failed(new IOException("the response was ended before the body was read"))
                : WholeBody.read(request, settings, limit, hasNoBody(), this::refuseUnread, () -> {
                    defer();
                    return !completed.get();
                });
        return wholeBody.stage();
    }

    /** Answers a request whose body {@link #readBody} could not read, and closes its connection. */
    private void refuseUnread(Throwable failure) {
        if (completed.get()) {
            // Already answered (async_timeout, the handler left): the read only stops.
            return;
        }
        if (failure instanceof BodyTooLargeException tooLarge) {
            refuse(413, tooLarge.limit() == settings.maxBodySize() ? DispatchHandler.tooLarge(tooLarge.limit())
                    : "Payload Too Large: the body exceeds the " + tooLarge.limit() + " bytes root " + entry.root()
                            + " takes");
        } else if (failure instanceof TimeoutException slow) {
            ClientLines.REFUSALS.info(Request.getRemoteAddr(request), "root {}: {} {} from {} answered 408: {}", entry.root(),
                    method(), url(), Request.getRemoteAddr(request), slow.getMessage());
            refuse(408, "Request Timeout: " + slow.getMessage());
        } else {
            abort(failure);
        }
    }

    /** @return the body {@link #readBody} read, or {@code null} */
    private byte[] wholeBody() {
        WholeBody read = wholeBody;
        return read == null ? null : read.bytes();
    }

    /** An HTTP/1 request without Content-Length and Transfer-Encoding has no body: nothing to read. */
    private boolean hasNoBody() {
        HttpVersion version = request.getConnectionMetaData().getHttpVersion();
        HttpFields headers = request.getHeaders();
        return (version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0)
                && !headers.contains(HttpHeader.CONTENT_LENGTH) && !headers.contains(HttpHeader.TRANSFER_ENCODING);
    }

    @Override
    public String serverName() {
        String name = Request.getServerName(request);
        return name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
    }

    @Override
    public int serverPort() {
        return Request.getServerPort(request);
    }

    @Override
    public String sourceAddress() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public int sourcePort() {
        return Request.getRemotePort(request);
    }

    @Override
    public InetSocketAddress remote() {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress inet) {
            return inet;
        }
        return literal(Request.getRemoteAddr(request), Request.getRemotePort(request));
    }

    @Override
    public InetSocketAddress local() {
        if (request.getConnectionMetaData().getLocalSocketAddress() instanceof InetSocketAddress inet) {
            return inet;
        }
        return literal(Request.getLocalAddr(request), Request.getLocalPort(request));
    }

    private static InetSocketAddress literal(String ip, int port) {
        try {
            // Jetty gives IP literals: parsed, never looked up.
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException notALiteral) {
            return InetSocketAddress.createUnresolved(ip, port);
        }
    }

    // --- response

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
                        writeLock, completed::get, this::complete);
            }
            return output;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void send(int code, String contentType, byte[] body) throws IOException {
        writeLock.lock();
        try {
            status(code);
            contentType(contentType);
            if (output == null) {
                // Nothing buffered: the body goes out as the last write, without blocking this thread.
                if (completed.compareAndSet(false, true)) {
                    directBytes = body.length;
                    // Jetty may write after this returns: the caller keeps its array to reuse.
                    end(ByteBuffer.wrap(body.clone()));
                }
                return;
            }
            output.write(body);
        } finally {
            writeLock.unlock();
        }
        complete();
    }

    @Override
    public void defer() {
        if (completed.get()) {
            throw new IllegalStateException("the response is already completed");
        }
        if (deferred) {
            return;
        }
        deferred = true;
        // async_timeout is the limit for a deferred response: the connection's idle timeout is not.
        request.addIdleTimeoutListener(idle -> false);
        request.addFailureListener(this::failed);
        if (!entry.exchanges().opened(this)) {
            abandon(503, "the handler of root " + entry.root() + " went away");
            return;
        }
        // The 504 may wait for a handler thread stuck in a write: never on Jetty's one scheduler
        // thread, which also runs the idle timeouts that would free that write.
        Executor executor = request.getComponents().getExecutor();
        timeout = request.getComponents().getScheduler().schedule(() -> executor.execute(this::timedOut),
                settings.asyncTimeout(), TimeUnit.MILLISECONDS);
        if (completed.get()) {
            // Completed by another thread while this one deferred: closed() may have run before the
            // exchange was open and timed.
            timeout.cancel();
            entry.exchanges().closed(this);
        }
    }

    boolean deferred() {
        return deferred;
    }

    private void timedOut() {
        if (completed.get()) {
            return;
        }
        String client = Request.getRemoteAddr(request);
        ClientLines.TIMEOUTS.warn(client, "root {}: handler service {} did not complete {} {} from {} within "
                + "async_timeout={} ms; answered 504", entry.root(), entry.serviceId(), method(), url(), client,
                settings.asyncTimeout());
        abandon(504, "the handler did not answer within " + settings.asyncTimeout() + " ms");
    }

    /** The client went away or the connection failed: nothing more can be sent. */
    private void failed(Throwable failure) {
        LOG.debug("root {}: {} {} failed: {}", entry.root(), method(), url(), failure.toString());
        abort(failure);
    }

    @Override
    public void complete() {
        if (completed.compareAndSet(false, true)) {
            writeLock.lock();
            try {
                if (output == null) {
                    end(BufferUtil.EMPTY_BUFFER);
                } else {
                    closed();
                    output.finish(callback);
                }
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * Ends a response its handler will not finish: an error status if nothing was sent yet, else the
     * exchange is aborted so the client cannot take a cut-off body for a whole one. The exchange is
     * claimed first, so a handler completing at the same moment cannot write over it.
     */
    void abandon(int status, String reason) {
        fail(status, reason, false);
    }

    /**
     * As {@link #abandon}, on a thread of the server's pool: a handler thread stuck in a write holds
     * the lock {@link #abandon} needs, and the caller may not wait for it.
     */
    void abandonOnPool(int status, String reason) {
        request.getComponents().getExecutor().execute(() -> abandon(status, reason));
    }

    /**
     * As {@link #abandon}, here and now, as httpd does when it stops: if a handler thread is in the
     * middle of a write (it holds the write lock), the exchange is aborted at once instead, which fails
     * that write, rather than waiting for a client that may take its time to read.
     */
    void abandonOrAbort(int status, String reason) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        if (!writeLock.tryLock()) {
            Scheduler.Task pending = timeout;
            if (pending != null) {
                pending.cancel();
            }
            callback.failed(new IOException("root " + entry.root() + ": " + reason));
            return;
        }
        try {
            failClaimed(status, reason, false);
        } finally {
            writeLock.unlock();
        }
    }

    /** As {@link #abandon}, and asks the client to close the connection: its request is not read on. */
    void refuse(int status, String reason) {
        fail(status, reason, true);
    }

    private void fail(int status, String reason, boolean close) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        writeLock.lock();
        try {
            failClaimed(status, reason, close);
        } finally {
            writeLock.unlock();
        }
    }

    /** Ends a claimed exchange with an error status, or aborts it if it is committed; under {@code writeLock}. */
    private void failClaimed(int status, String reason, boolean close) {
        if (response.isCommitted()) {
            aborted(new IOException("root " + entry.root() + ": " + reason));
            return;
        }
        response.reset();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        byte[] text = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        // What the handler buffered is dropped with the reset: only the error is counted as sent.
        output = null;
        directBytes = text.length;
        end(ByteBuffer.wrap(text));
    }

    /** Ends the exchange with {@code last} as the whole rest of the body; under {@code writeLock}. */
    private void end(ByteBuffer last) {
        closed();
        response.write(true, last, callback);
    }

    /** Leaves the handler's open responses, stops a body still arriving and counts the exchange; under {@code writeLock}. */
    private void closed() {
        Scheduler.Task pending = timeout;
        if (pending != null) {
            pending.cancel();
        }
        WholeBody reading = wholeBody;
        if (reading != null) {
            reading.exchangeEnded();
        }
        if (deferred) {
            entry.exchanges().closed(this);
        }
        count();
    }

    /** Counts the exchange; runs once, from {@link #closed}. */
    private void count() {
        LimitedInputStream read = body;
        WholeBody whole = wholeBody;
        long in = read != null ? read.bytesRead() : whole != null ? whole.bytesRead() : 0;
        long out = directBytes + (output == null ? 0 : output.written());
        int status = response.getStatus();
        counters.responded(status == 0 ? 200 : status, in, out);
    }

    /**
     * Aborts an exchange whose handler failed after the response was committed, so the client
     * cannot take a cut-off body for a whole one.
     */
    void abort(Throwable failure) {
        if (completed.compareAndSet(false, true)) {
            aborted(failure);
        }
    }

    /** Ends a claimed exchange without a response: Jetty resets the stream or closes the connection. */
    private void aborted(Throwable failure) {
        writeLock.lock();
        try {
            closed();
        } finally {
            writeLock.unlock();
        }
        callback.failed(failure);
    }

    @Override
    public boolean committed() {
        return response.isCommitted();
    }

    @Override
    public boolean completed() {
        return completed.get();
    }

    private void requireUncommitted() {
        if (completed.get() || response.isCommitted()) {
            throw new IllegalStateException("the response is already " + (completed.get() ? "completed" : "committed"));
        }
    }

    private static void requireSingleLine(String what, String value) {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be one line without CR or LF: " + Arrays.asList(value));
        }
    }
}
