package io.switchboard.httpd.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.BodyTooLargeException;
import io.switchboard.httpd.RootHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one servlet httpd registers with Pax Web: it finds the handler that owns the request's root
 * and hands it the request.
 */
final class DispatchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DispatchServlet.class);

    private final transient RootRegistry registry;
    private final transient Supplier<HttpdSettings> settings;
    private final transient Consumer<Boolean> deployed;
    private final transient RootStatistics statistics;

    /**
     * @param deployed told {@code true} when the engine has put the servlet in service and
     *        {@code false} when it takes it out: only then do requests reach the handlers
     */
    DispatchServlet(RootRegistry registry, Supplier<HttpdSettings> settings, Consumer<Boolean> deployed,
            RootStatistics statistics) {
        this.registry = registry;
        this.statistics = statistics;
        this.settings = settings;
        this.deployed = deployed;
    }

    @Override
    public void init() {
        deployed.accept(true);
    }

    @Override
    public void destroy() {
        deployed.accept(false);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestPath path;
        try {
            path = RequestPath.parse(request.getRequestURI());
        } catch (RequestPath.RejectedPathException rejected) {
            LOG.debug("{} {} from {} refused: {}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), rejected.getMessage());
            unrouted(response, 400, "Bad Request: " + rejected.getMessage());
            return;
        }
        RootEntry entry = registry.serving(path.root());
        if (entry == null) {
            entry = registry.serving(RootHandler.FALLBACK);
        }
        if (entry == null) {
            unrouted(response, 404, "Not Found: no handler for root /" + path.root());
            return;
        }
        RootCounters counters = statistics.of(entry.root());
        counters.requested();
        HttpdSettings current = settings.get();
        if (current.maxBodySize() > 0 && request.getContentLengthLong() > current.maxBodySize()) {
            counters.responded(413, 0, tooLarge(response, current.maxBodySize()));
            return;
        }
        if (current.bufSize() > 0) {
            response.setBufferSize(current.bufSize());
        }
        ServletExchange exchange = new ServletExchange(request, response, entry, path, current, counters);
        try {
            entry.handler().handle(exchange, exchange);
        } catch (BodyTooLargeException tooLarge) {
            if (!response.isCommitted()) {
                tooLarge(response, tooLarge.limit());
            }
            exchange.complete();
            return;
        } catch (Exception | LinkageError failure) {
            LOG.error("root {}: handler service {} failed on {} {}", entry.root(), entry.serviceId(),
                    request.getMethod(), exchange.url(), failure);
            if (exchange.committed()) {
                // Too late for a 500: abort, so the client cannot take a cut-off body for a whole one.
                throw new IOException("root " + entry.root() + ": handler failed after the response was committed",
                        failure);
            }
            exchange.abandon(500, "Internal Server Error");
            return;
        }
        if (!exchange.deferred()) {
            exchange.complete();
        }
    }

    private void unrouted(HttpServletResponse response, int status, String text) throws IOException {
        RootCounters counters = statistics.of(RootStatistics.UNROUTED);
        counters.requested();
        counters.responded(status, 0, plain(response, status, text));
    }

    /** @return the number of body bytes sent */
    private static int tooLarge(HttpServletResponse response, long limit) throws IOException {
        // The rest of the body is never read: closing is cheaper than draining it.
        response.setHeader("Connection", "close");
        return plain(response, 413, "Payload Too Large: the body exceeds max_body_size=" + limit + " bytes");
    }

    /** @return the number of body bytes sent */
    private static int plain(HttpServletResponse response, int status, String text) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return body.length;
    }
}
