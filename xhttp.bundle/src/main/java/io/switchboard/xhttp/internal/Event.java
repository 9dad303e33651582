package io.switchboard.xhttp.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.switchboard.xhttp.HttpEvent;

/**
 * One request event. A reply is checked before anything is sent and goes out once: a bad one fails
 * the event with 500, a second one is refused.
 */
final class Event implements HttpEvent {
    /**
     * What the request said, read before the event is raised; the headers are copied only when a
     * handler asks for them.
     */
    record Request(String method, String url, String protocol, Supplier<Map<String, List<String>>> headers,
            byte[] body, String sourceAddress, int sourcePort) {
    }

    private final String route;
    private final Request request;
    private final ReplySink sink;
    private final AtomicBoolean replied = new AtomicBoolean();
    /** The 504 to come if nobody replies; cancelled by the reply so the event is not held until then. */
    private volatile Future<?> timeout;
    private volatile Runnable settled;
    private Map<String, List<String>> headers;

    Event(String route, Request request, ReplySink sink) {
        this.route = route;
        this.request = request;
        this.sink = sink;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String url() {
        return request.url();
    }

    @Override
    public String protocol() {
        return request.protocol();
    }

    @Override
    @Deprecated
    public String version() {
        return protocol();
    }

    @Override
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> header : headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return Optional.of(header.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Map<String, List<String>> headers() {
        if (headers == null) {
            headers = Collections.unmodifiableMap(request.headers().get());
        }
        return headers;
    }

    @Override
    public byte[] bodyBytes() {
        return request.body().clone();
    }

    @Override
    @Deprecated
    public byte[] body() {
        return bodyBytes();
    }

    @Override
    public String bodyText() {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    @Override
    public String sourceAddress() {
        return request.sourceAddress();
    }

    @Override
    public int sourcePort() {
        return request.sourcePort();
    }

    @Override
    @Deprecated
    public String peerAddress() {
        return sourceAddress();
    }

    @Override
    @Deprecated
    public int peerPort() {
        return sourcePort();
    }

    @Override
    public void reply(int code, String reason, String contentType, String body) {
        reply(code, reason, contentType, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void reply(int code, String reason, String contentType, byte[] body) {
        // A 1xx is interim: sent as the reply it would leave the client waiting for a final one.
        String problem = code < 200 || code > 599 ? "status " + code + " is outside 200-599"
                : hasLineBreak(contentType) ? "the content type holds CR or LF" : null;
        if (!claim()) {
            throw new IllegalStateException("the event of " + request.method() + " " + request.url()
                    + " was already answered");
        }
        if (problem != null) {
            sink.send(500, "text/plain;charset=utf-8", "Internal Server Error: invalid reply\n"
                    .getBytes(StandardCharsets.UTF_8));
            throw new IllegalArgumentException("invalid reply refused, the client got 500: " + problem);
        }
        sink.send(code, contentType == null || contentType.isEmpty() ? null : contentType,
                body == null ? new byte[0] : body);
    }

    /** Answers for a handler that did not: once, and only if nothing was sent. */
    boolean answerInstead(int code, String text) {
        if (!claim()) {
            return false;
        }
        sink.send(code, "text/plain;charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /**
     * The event waits for a reply: {@code pending} answers it if none comes in time, {@code settled}
     * runs once it is answered, whoever answers.
     */
    void awaiting(Future<?> pending, Runnable settled) {
        timeout = pending;
        this.settled = settled;
        if (replied.get()) {
            pending.cancel(false);
            settled.run();
        }
    }

    private boolean claim() {
        if (!replied.compareAndSet(false, true)) {
            return false;
        }
        Future<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
        Runnable done = settled;
        if (done != null) {
            done.run();
        }
        return true;
    }

    @Override
    public boolean replied() {
        return replied.get();
    }

    private static boolean hasLineBreak(String value) {
        return value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0);
    }
}
