package io.switchboard.xhttp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.jetty.RequestsInFlight;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * microhttpd's requests, each raised as an event once its body has arrived. Declared non-blocking, so
 * Jetty calls it on the I/O thread: it answers what no handler will take, and reads bodies, right
 * there without blocking, runs handlers that promise not to block there too, and hands the others to
 * the pool. No thread waits for a client.
 */
final class MicroHandler extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(MicroHandler.class);

    private final Supplier<MicrohttpdSettings> current;
    private final EventDispatcher dispatcher;
    private final Executor threads;
    private final ScheduledExecutorService timer;
    private final Refusals refusals;
    private final MicrohttpdStatistics statistics;
    private final BooleanSupplier draining;
    private final RequestsInFlight inFlight;

    /**
     * @param current the settings in force
     * @param threads where handlers that may block run
     * @param timer where body timeouts run
     * @param statistics where every reply is counted
     * @param draining {@code true} once the listener is retired: every response then closes its connection
     * @param inFlight where each request counts until its response is complete
     */
    MicroHandler(Supplier<MicrohttpdSettings> current, EventDispatcher dispatcher, Executor threads,
            ScheduledExecutorService timer, Refusals refusals, MicrohttpdStatistics statistics, BooleanSupplier draining,
            RequestsInFlight inFlight) {
        this.current = current;
        this.dispatcher = dispatcher;
        this.threads = threads;
        this.timer = timer;
        this.refusals = refusals;
        this.statistics = statistics;
        this.draining = draining;
        this.inFlight = inFlight;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        inFlight.track(request);
        answer(request, response, callback);
        return true;
    }

    private void answer(Request request, Response response, Callback callback) {
        if (draining.getAsBoolean()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        MicrohttpdSettings settings = current.get();
        String client = Request.getRemoteAddr(request);
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            // A CONNECT names a host, not a URL: there is nothing a handler could be given.
            refusals.badRequest.warn(client, "microhttpd: CONNECT {} from {} refused with 405: not a proxy",
                    request.getHttpURI(), client);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS");
            refuse(response, callback, 405, "Method Not Allowed: microhttpd is not a proxy");
            return;
        }
        HandlerTable.Entry entry = dispatcher.select(settings.callback());
        if (entry == null || !hasBody(request)) {
            // Without a handler the 503 goes out at once: a body no one will see is not waited for, and
            // as for refuse() the connection cannot carry another request.
            if (entry == null && request.getLength() != 0 && hasBody(request)) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            raiseWhereItMayRun(request, response, callback, settings, entry, new byte[0]);
            return;
        }
        int limit = settings.maxBodySize() == 0 ? Integer.MAX_VALUE - 8 : settings.maxBodySize();
        if (request.getLength() > limit) {
            tooLarge(request, response, callback, settings, client);
            return;
        }
        try {
            BodyReader.read(request, limit, settings.bodyTimeout(), timer, new BodyReader.Outcome() {
                @Override
                public void read(byte[] body) {
                    raiseWhereItMayRun(request, response, callback, settings, dispatcher.select(settings.callback()),
                            body);
                }

                @Override
                public void tooLarge() {
                    MicroHandler.this.tooLarge(request, response, callback, settings, client);
                }

                @Override
                public void timedOut() {
                    refusals.body.warn(client, "microhttpd: {} {} from {}: the body did not arrive within "
                            + "body_timeout={} ms; answered 408", request.getMethod(), request.getHttpURI().getPathQuery(),
                            client, settings.bodyTimeout());
                    refuse(response, callback, 408, "Request Timeout: the body did not arrive within body_timeout="
                            + settings.bodyTimeout() + " ms");
                }

                @Override
                public void failed(Throwable failure) {
                    LOG.debug("microhttpd: {} {} from {}: the body could not be read: {}", request.getMethod(),
                            request.getHttpURI().getPathQuery(), client, failure.toString());
                    callback.failed(failure);
                }
            });
        } catch (RejectedExecutionException stopping) {
            refuse(response, callback, 503, "Service Unavailable: microhttpd is stopping");
        }
    }

    private void tooLarge(Request request, Response response, Callback callback, MicrohttpdSettings settings,
            String client) {
        refusals.body.warn(client, "microhttpd: {} {} from {}: the body exceeds max_body_size={}; answered 413",
                request.getMethod(), request.getHttpURI().getPathQuery(), client, settings.maxBodySize());
        refuse(response, callback, 413, "Payload Too Large: the body exceeds max_body_size=" + settings.maxBodySize());
    }

    /** Handlers that promise not to block run on the calling thread; the others on the pool. */
    private void raiseWhereItMayRun(Request request, Response response, Callback callback, MicrohttpdSettings settings,
            HandlerTable.Entry entry, byte[] body) {
        if (entry == null || entry.nonBlocking()) {
            raise(request, response, callback, settings, entry, body);
            return;
        }
        try {
            threads.execute(() -> raise(request, response, callback, settings, entry, body));
        } catch (RejectedExecutionException stopping) {
            refuse(response, callback, 503, "Service Unavailable: microhttpd is stopping");
        }
    }

    private void raise(Request request, Response response, Callback callback, MicrohttpdSettings settings,
            HandlerTable.Entry entry, byte[] body) {
        Event.Request facts = new Event.Request(request.getMethod(), request.getHttpURI().getPathQuery(),
                request.getConnectionMetaData().getProtocol(), () -> headersOf(request), body,
                Request.getRemoteAddr(request), Request.getRemotePort(request));
        dispatcher.dispatch(new Event(HttpEventHandler.MICROHTTPD, facts,
                (code, contentType, replyBody) -> send(response, callback, code, contentType, replyBody)),
                entry, settings.callback(), settings.replyTimeout());
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().contains(HttpHeader.CONTENT_LENGTH)
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static Map<String, List<String>> headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    /** Answers a request whose body is left unread: the connection cannot carry another request. */
    private void refuse(Response response, Callback callback, int code, String text) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        send(response, callback, code, "text/plain;charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void send(Response response, Callback callback, int code, String contentType, byte[] body) {
        statistics.replied(code);
        response.setStatus(code);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
