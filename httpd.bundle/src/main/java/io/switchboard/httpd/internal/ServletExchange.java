package io.switchboard.httpd.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.BodyTooLargeException;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request and its response, over the servlet request that carries them.
 */
final class ServletExchange implements HttpdRequest, HttpdResponse {
    private static final Logger LOG = LoggerFactory.getLogger(ServletExchange.class);

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final RootEntry entry;
    private final RequestPath path;
    private final HttpdSettings settings;
    private final RootCounters counters;
    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicBoolean counted = new AtomicBoolean();
    private volatile AsyncContext async;
    private LimitedInputStream body;
    /** Serialises body writes with the error httpd writes when it abandons the exchange. */
    private final Object writeLock = new Object();
    private GuardedOutputStream output;
    /** Bytes of an error body httpd wrote itself; guarded by {@code writeLock}. */
    private long errorBytes;

    ServletExchange(HttpServletRequest request, HttpServletResponse response, RootEntry entry, RequestPath path,
            HttpdSettings settings, RootCounters counters) {
        this.request = request;
        this.response = response;
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
        return request.getProtocol();
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
        return entry.root().equals(io.switchboard.httpd.RootHandler.FALLBACK) ? path.full() : path.below();
    }

    @Override
    public String query() {
        String query = request.getQueryString();
        return query == null ? "" : query;
    }

    @Override
    public String url() {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    @Override
    public Optional<String> arg(String name) {
        return Optional.ofNullable(request.getParameter(name));
    }

    @Override
    public Map<String, List<String>> args() {
        Map<String, List<String>> args = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> args.put(name, List.of(values)));
        return Collections.unmodifiableMap(args);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public List<String> headers(String name) {
        return Collections.list(request.getHeaders(name));
    }

    @Override
    public List<String> headerNames() {
        return Collections.list(request.getHeaderNames());
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(request.getContentType());
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public synchronized InputStream body() throws IOException {
        if (body == null) {
            body = new LimitedInputStream(new BufferedInputStream(request.getInputStream(), settings.postBufSize()),
                    settings.maxBodySize());
        }
        return body;
    }

    @Override
    public byte[] bodyBytes() throws IOException {
        long declared = contentLength();
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
    public String serverName() {
        String name = request.getServerName();
        return name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
    }

    @Override
    public int serverPort() {
        return request.getServerPort();
    }

    @Override
    public InetSocketAddress remote() {
        return address(request.getRemoteAddr(), request.getRemotePort());
    }

    @Override
    public InetSocketAddress local() {
        return address(request.getLocalAddr(), request.getLocalPort());
    }

    private static InetSocketAddress address(String ip, int port) {
        try {
            // The engine gives IP literals: parsed, never looked up.
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException notALiteral) {
            return InetSocketAddress.createUnresolved(ip, port);
        }
    }

    // --- response

    @Override
    public HttpdResponse status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("status " + code + " is outside 100-599");
        }
        requireUncommitted();
        response.setStatus(code);
        return this;
    }

    @Override
    public HttpdResponse contentType(String contentType) {
        requireSingleLine("content type", contentType);
        requireUncommitted();
        response.setContentType(contentType);
        return this;
    }

    @Override
    public HttpdResponse header(String name, String value) {
        requireSingleLine("header name", name);
        requireSingleLine("header value", value);
        requireUncommitted();
        response.addHeader(name, value);
        return this;
    }

    @Override
    public HttpdResponse contentLength(long length) {
        requireUncommitted();
        response.setContentLengthLong(length);
        return this;
    }

    @Override
    public OutputStream output() throws IOException {
        synchronized (writeLock) {
            if (output == null) {
                output = new GuardedOutputStream(response.getOutputStream(), writeLock, completed::get);
            }
            return output;
        }
    }

    @Override
    public void send(int code, String contentType, byte[] body) throws IOException {
        synchronized (writeLock) {
            status(code);
            contentType(contentType);
            response.setContentLength(body.length);
            output().write(body);
        }
        complete();
    }

    @Override
    public void defer() {
        if (completed.get()) {
            throw new IllegalStateException("the response is already completed");
        }
        if (async != null) {
            return;
        }
        AsyncContext context = request.startAsync();
        context.setTimeout(settings.asyncTimeout());
        context.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                LOG.warn("root {}: handler service {} did not complete {} {} within async_timeout={} ms; answered 504",
                        entry.root(), entry.serviceId(), method(), url(), settings.asyncTimeout());
                abandon(504, "the handler did not answer within " + settings.asyncTimeout() + " ms");
            }

            @Override
            public void onError(AsyncEvent event) {
                completed.set(true);
                entry.closed(ServletExchange.this);
                count();
            }

            @Override
            public void onComplete(AsyncEvent event) {
                completed.set(true);
                entry.closed(ServletExchange.this);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do: the context is started once
            }
        });
        async = context;
        if (!entry.opened(this)) {
            abandon(503, "the handler of root " + entry.root() + " went away");
        }
    }

    boolean deferred() {
        return async != null;
    }

    @Override
    public void complete() {
        if (completed.compareAndSet(false, true)) {
            synchronized (writeLock) {
                finish();
            }
        }
    }

    /**
     * Ends a response its handler will not finish: an error status if nothing was sent yet. The
     * exchange is claimed first, so a handler completing at the same moment cannot write over it.
     */
    void abandon(int status, String reason) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        synchronized (writeLock) {
            try {
                if (!response.isCommitted()) {
                    response.reset();
                    response.setStatus(status);
                    response.setContentType("text/plain;charset=utf-8");
                    byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
                    response.getOutputStream().write(body);
                    errorBytes += body.length;
                }
            } catch (IOException | RuntimeException clientGone) {
                LOG.debug("root {}: could not send {} to {}: {}", entry.root(), status, url(), clientGone.toString());
            }
            finish();
        }
    }

    private void finish() {
        entry.closed(this);
        count();
        AsyncContext context = async;
        if (context != null) {
            context.complete();
            return;
        }
        try {
            // Closing ends the response now; a body that fits the buffer still gets its Content-Length.
            response.getOutputStream().close();
        } catch (IOException | RuntimeException clientGone) {
            LOG.debug("root {}: response to {} not completed: {}", entry.root(), url(), clientGone.toString());
        }
    }

    /** Counts the exchange once, however it ends. */
    private void count() {
        if (counted.compareAndSet(false, true)) {
            long in;
            synchronized (this) {
                in = body == null ? 0 : body.bytesRead();
            }
            long out;
            synchronized (writeLock) {
                out = errorBytes + (output == null ? 0 : output.written());
            }
            counters.responded(response.getStatus(), in, out);
        }
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
