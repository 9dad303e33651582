package io.switchboard.httpd.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.BodyTooLargeException;
import io.switchboard.httpd.RootHandler;

/**
 * The Jetty handler httpd puts in front of Pax Web's contexts: it finds the handler that owns the
 * request's root and hands it the request, on Jetty's core API rather than through a servlet, which
 * costs a third of the throughput on a trivial reply.
 */
final class DispatchHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchHandler.class);

    private final RootRegistry registry;
    private final Supplier<HttpdSettings> settings;
    private final Consumer<Boolean> deployed;
    private final BooleanSupplier whiteboardServes;
    private final RootStatistics statistics;

    /**
     * @param deployed told {@code true} when Pax Web's server has started this handler and
     *        {@code false} when it stops it: only in between do requests reach the handlers
     * @param whiteboardServes whether Pax Web's whiteboard has servlets or resources of other
     *        bundles: requests no root and no fallback claims are then left to them instead of
     *        answered 404
     */
    DispatchHandler(RootRegistry registry, Supplier<HttpdSettings> settings, Consumer<Boolean> deployed,
            BooleanSupplier whiteboardServes, RootStatistics statistics) {
        // Root handlers may block (read a body, call out): each request gets a thread of the pool.
        super(InvocationType.BLOCKING);
        this.registry = registry;
        this.statistics = statistics;
        this.settings = settings;
        this.deployed = deployed;
        this.whiteboardServes = whiteboardServes;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        deployed.accept(true);
    }

    @Override
    protected void doStop() throws Exception {
        deployed.accept(false);
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String rawPath = request.getHttpURI().getPath();
        if (!rawPath.startsWith("/")) {
            // "OPTIONS *" and the like are for the server, not for a root: Pax Web answers them.
            return false;
        }
        RequestPath path;
        try {
            path = RequestPath.parse(rawPath);
        } catch (RequestPath.RejectedPathException rejected) {
            LOG.debug("{} {} from {} refused: {}", request.getMethod(), rawPath,
                    Request.getRemoteAddr(request), rejected.getMessage());
            unrouted(response, callback, 400, "Bad Request: " + rejected.getMessage());
            return true;
        }
        RootEntry entry = registry.serving(path.root());
        if (entry == null) {
            entry = registry.serving(RootHandler.FALLBACK);
        }
        if (entry == null) {
            if (whiteboardServes.getAsBoolean()) {
                return false;
            }
            unrouted(response, callback, 404, "Not Found: no handler for root /" + path.root());
            return true;
        }
        RootCounters counters = statistics.of(entry.root());
        counters.requested();
        HttpdSettings current = settings.get();
        JettyExchange exchange = new JettyExchange(request, response, callback, entry, path, current, counters);
        if (current.maxBodySize() > 0 && request.getLength() > current.maxBodySize()) {
            exchange.refuse(413, tooLarge(current.maxBodySize()));
            return true;
        }
        try {
            entry.handler().handle(exchange, exchange);
        } catch (BodyTooLargeException tooLarge) {
            exchange.refuse(413, tooLarge(tooLarge.limit()));
            return true;
        } catch (HttpException.RuntimeException clientError) {
            // Jetty's verdict on what the client sent (a bad query or form): the client's fault, not the handler's.
            LOG.debug("root {}: {} {} refused: {}", entry.root(), request.getMethod(), exchange.url(),
                    clientError.toString());
            exchange.refuse(clientError.getCode(), clientError.getReason() == null
                    ? "the request cannot be read" : clientError.getReason());
            return true;
        } catch (Exception | LinkageError failure) {
            LOG.error("root {}: handler service {} failed on {} {}", entry.root(), entry.serviceId(),
                    request.getMethod(), exchange.url(), failure);
            if (exchange.committed()) {
                exchange.abort(failure);
            } else {
                exchange.abandon(500, "Internal Server Error");
            }
            return true;
        }
        if (!exchange.deferred()) {
            exchange.complete();
        }
        return true;
    }

    private static String tooLarge(long limit) {
        return "Payload Too Large: the body exceeds max_body_size=" + limit + " bytes";
    }

    private void unrouted(Response response, Callback callback, int status, String text) {
        RootCounters counters = statistics.of(RootStatistics.UNROUTED);
        counters.requested();
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
        counters.responded(status, 0, body.length);
    }
}
