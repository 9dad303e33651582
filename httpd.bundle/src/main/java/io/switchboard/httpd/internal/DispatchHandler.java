package io.switchboard.httpd.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.BodyTooLargeException;
import io.switchboard.httpd.RequestRefusedException;
import io.switchboard.httpd.RootHandler;

/**
 * httpd's dispatcher, which the anchor's handler in Pax Web's server calls for every request: it
 * finds the handler that owns the request's root and hands it the request, on Jetty's core API rather
 * than through a servlet, which costs a third of the throughput on a trivial reply. A request for a
 * root whose handler has just left waits for the next one.
 */
final class DispatchHandler implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchHandler.class);

    private final RootRegistry registry;
    private final Supplier<HttpdSettings> settings;
    private final BooleanSupplier whiteboardServes;
    private final RootStatistics statistics;
    /** The requests this dispatcher routes or serves now, and those it is about to route again. */
    private final InFlight routing = new InFlight();

    /**
     * @param whiteboardServes whether Pax Web's whiteboard has servlets or resources of other
     *        bundles: requests no root and no fallback claims are then left to them instead of
     *        answered 404
     */
    DispatchHandler(RootRegistry registry, Supplier<HttpdSettings> settings, BooleanSupplier whiteboardServes,
            RootStatistics statistics) {
        this.registry = registry;
        this.statistics = statistics;
        this.settings = settings;
        this.whiteboardServes = whiteboardServes;
    }

    /**
     * httpd is going away, and the anchor no longer calls this dispatcher. The requests it routes or
     * serves get until {@code deadlineNanos} to end; those it would route from now on, and those that
     * waited for a root, go back to the anchor, which holds them for the next httpd; the deferred
     * responses still open are then answered 503, or aborted. Once this returns, nothing of this httpd
     * runs for a request any more.
     */
    void close(long deadlineNanos) throws InterruptedException {
        registry.close();
        if (!routing.leave(deadlineNanos, 0)) {
            LOG.warn("httpd stops while requests it serves are still under way");
        }
        registry.abandonOpen(deadlineNanos);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!routing.enter()) {
            // Called as httpd was leaving: the anchor holds the request for the next one.
            passOn(request, response, callback);
            return true;
        }
        // Where each root's latency starts: a request held for a root's next handler keeps its arrival.
        long arrivedNanos = System.nanoTime();
        try {
            return dispatch(request, response, callback, arrivedNanos);
        } finally {
            routing.exit();
        }
    }

    private boolean dispatch(Request request, Response response, Callback callback, long arrivedNanos)
            throws Exception {
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            String client = Request.getRemoteAddr(request);
            ClientLines.REFUSALS.debug(client, "CONNECT {} from {} refused: httpd is no proxy", request.getHttpURI(), client);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS");
            unrouted(response, callback, 405, "Method Not Allowed: CONNECT, httpd is no proxy", arrivedNanos);
            return true;
        }
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith("/")) {
            // "OPTIONS *" and the like are for the server, not for a root: Pax Web answers them.
            return false;
        }
        RequestPath path;
        try {
            path = RequestPath.parse(rawPath);
        } catch (RequestPath.RejectedPathException rejected) {
            String client = Request.getRemoteAddr(request);
            ClientLines.REFUSALS.debug(client, "{} {} from {} refused: {}", request.getMethod(), rawPath, client,
                    rejected.getMessage());
            unrouted(response, callback, 400, "Bad Request: " + rejected.getMessage(), arrivedNanos);
            return true;
        }
        return route(request, response, callback, path, arrivedNanos);
    }

    /** @return {@code false} when the request is left to Pax Web's contexts */
    private boolean route(Request request, Response response, Callback callback, RequestPath path, long arrivedNanos)
            throws Exception {
        if (registry.closed()) {
            // httpd is leaving: through the server again, the anchor holds the request for the next one.
            passOn(request, response, callback);
            return true;
        }
        RootRegistry.Handling serving = registry.serving(path.root());
        if (serving == null) {
            if (held(path.root(), request, response, callback, path, arrivedNanos)) {
                return true;
            }
            // Neither a handler nor a vacancy: a handler that came just now ends the vacancy only after
            // the table has it, so a second look finds it.
            serving = registry.serving(path.root());
        }
        if (serving == null) {
            serving = registry.serving(RootHandler.FALLBACK);
        }
        if (serving == null) {
            if (held(RootHandler.FALLBACK, request, response, callback, path, arrivedNanos)) {
                return true;
            }
            serving = registry.serving(RootHandler.FALLBACK);
        }
        if (serving == null) {
            if (whiteboardServes.getAsBoolean()) {
                return false;
            }
            unrouted(response, callback, 404, "Not Found: no handler for root /" + path.root(), arrivedNanos);
            return true;
        }
        RootRegistry.Handling chosen = serving;
        if (!chosen.exchanges().run(() -> serve(chosen, request, response, callback, path, arrivedNanos))) {
            // The handler left between the look-up and the call: its successor or its vacancy takes the request.
            return route(request, response, callback, path, arrivedNanos);
        }
        return true;
    }

    /** @return {@code true} when {@code root} is vacant and the request waits for its next handler */
    private boolean held(String root, Request request, Response response, Callback callback, RequestPath path,
            long arrivedNanos) {
        Vacancy vacancy = registry.vacancy(root);
        if (vacancy == null || !vacancy.hold(() -> routeAgain(request, response, callback, path, arrivedNanos))) {
            return false;
        }
        statistics.of(root).held();
        return true;
    }

    /**
     * Routes a request that waited, on a pool thread as Jetty would have; counted among the requests
     * httpd routes, so that its departure waits for it. Once httpd is leaving, the request goes back to
     * the anchor at once.
     */
    private void routeAgain(Request request, Response response, Callback callback, RequestPath path,
            long arrivedNanos) {
        try {
            if (!routing.enter()) {
                passOn(request, response, callback);
                return;
            }
            try {
                request.getComponents().getExecutor().execute(() -> {
                    try {
                        if (!route(request, response, callback, path, arrivedNanos)) {
                            passOn(request, response, callback);
                        }
                    } catch (Throwable failure) {
                        LOG.error("{} {} failed after waiting for the handler of root /{}", request.getMethod(),
                                request.getHttpURI().getPathQuery(), path.root(), failure);
                        Response.writeError(request, response, callback, failure);
                    } finally {
                        routing.exit();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                routing.exit();
                Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
            }
        } catch (Exception failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /**
     * Sends a request httpd has already taken through the server again: to Pax Web's contexts when
     * httpd now declines it, or to the anchor's hold when httpd is leaving.
     */
    private static void passOn(Request request, Response response, Callback callback) throws Exception {
        Server server = request.getConnectionMetaData().getConnector().getServer();
        if (!server.handle(request, response, callback)) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
    }

    private void serve(RootRegistry.Handling serving, Request request, Response response, Callback callback,
            RequestPath path, long arrivedNanos) {
        RootEntry entry = serving.entry();
        RootCounters counters = statistics.of(entry.root());
        counters.requested();
        HttpdSettings current = settings.get();
        RequestBody body = new RequestBody(request, entry.root(), current);
        JettyResponse answer = new JettyResponse(request, response, callback, entry, serving.exchanges(), current,
                counters, body, arrivedNanos);
        if (current.maxBodySize() > 0 && request.getLength() > current.maxBodySize()) {
            answer.answer(413, tooLarge(current.maxBodySize()), true);
            return;
        }
        JettyRequest asked = new JettyRequest(request, entry.root(), path, current, body, answer);
        try {
            entry.handler().handle(asked, answer);
        } catch (BodyTooLargeException tooLarge) {
            answer.answer(413, tooLarge(tooLarge.limit()), true);
            return;
        } catch (RequestRefusedException refused) {
            ClientLines.REFUSALS.debug(Request.getRemoteAddr(request), "root {}: {} {} refused: {}", entry.root(),
                    request.getMethod(), asked.url(), refused.getMessage());
            answer.answer(refused.status(), refused.getMessage(), true);
            return;
        } catch (HttpException.RuntimeException clientError) {
            // Jetty's verdict on what the client sent (a bad query or form): the client's fault, not the handler's.
            ClientLines.REFUSALS.debug(Request.getRemoteAddr(request), "root {}: {} {} refused: {}", entry.root(),
                    request.getMethod(), asked.url(), clientError.toString());
            answer.answer(clientError.getCode(), clientError.getReason() == null
                    ? "the request cannot be read" : clientError.getReason(), true);
            return;
        } catch (Exception | LinkageError failure) {
            LOG.error("root {}: handler service {} failed on {} {}", entry.root(), entry.serviceId(),
                    request.getMethod(), asked.url(), failure);
            // Once committed, the answer is an abort: the client cannot take a cut-off body for a whole one.
            answer.answer(500, "Internal Server Error", false);
            return;
        }
        answer.handlerReturned();
    }

    static String tooLarge(long limit) {
        return "Payload Too Large: the body exceeds max_body_size=" + limit + " bytes";
    }

    private void unrouted(Response response, Callback callback, int status, String text, long arrivedNanos) {
        RootCounters counters = statistics.of(RootStatistics.UNROUTED);
        counters.requested();
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        // Counted before the last write, as a root's response is: a client that has its answer finds it counted.
        counters.responded(status, 0, body.length, System.nanoTime() - arrivedNanos);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
