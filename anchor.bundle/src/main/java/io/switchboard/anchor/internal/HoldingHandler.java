package io.switchboard.anchor.internal;

import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.jetty.RequestsInFlight;
import io.switchboard.support.log.RateLimitedLog;

/**
 * The Jetty handler Pax Web runs in front of its servlet contexts for httpd. It hands each request to
 * httpd's dispatcher; while there is none, a request waits for the next one without holding a thread,
 * and is answered 503 with {@code Retry-After} once the swap hold has passed. Every request of the
 * server passes here first, so this is where a shutdown learns what is in flight.
 */
final class HoldingHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HoldingHandler.class);
    /** One line per request a client sends while httpd is away would flood the log: limited per client. */
    private static final RateLimitedLog UNAVAILABLE = new RateLimitedLog(LOG, "anchor 503");
    /** Marks a held request httpd left to Pax Web: it goes through the server again, past this handler. */
    private static final String PASSED_ON = HoldingHandler.class.getName() + ".passedOn";
    private static final long GO_AWAY_POLL_MILLIS = 50;

    private final IntSupplier holdMillis;
    private final Consumer<Boolean> inService;
    private final AnchorStatistics statistics;
    private final RequestsInFlight inFlight = new RequestsInFlight();
    /** Set once a shutdown began: a server started afterwards closes its listener as soon as it is up. */
    private volatile boolean drainRequested;
    private volatile Request.Handler dispatcher;
    /** Requests waiting for a dispatcher; guarded by {@code this}, as is every change of {@link #dispatcher}. */
    private final Set<Held> waiting = new LinkedHashSet<>();

    /** One request that waits for httpd. */
    private record Held(Request request, Response response, Callback callback, Scheduler.Task[] expiry) {
    }

    /**
     * @param holdMillis how long a request may wait for a dispatcher
     * @param inService told {@code true} once Pax Web's server started this handler, {@code false} when it stops it
     */
    HoldingHandler(IntSupplier holdMillis, Consumer<Boolean> inService, AnchorStatistics statistics) {
        // httpd's handlers may block (read a body, call out): each request gets a thread of the pool.
        super(InvocationType.BLOCKING);
        this.holdMillis = holdMillis;
        this.inService = inService;
        this.statistics = statistics;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        inService.accept(true);
        if (drainRequested) {
            // Pax Web (re)started its server during a shutdown: its listener closes once it is up.
            Server server = getServer();
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarted(LifeCycle event) {
                    closeListeners(server);
                }
            });
        }
    }

    @Override
    protected void doStop() throws Exception {
        inService.accept(false);
        List<Held> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        // The server is stopping: its connections close whatever is written now.
        dropped.forEach(this::unavailable);
        super.doStop();
    }

    /**
     * Closes the server's listening sockets, so that new connections are refused, marks its
     * connectors shut down, so that every HTTP/1.1 response from now on closes its connection, and
     * tells each HTTP/2 client to open no new stream (GOAWAY) once its streams are done: a JDK 17
     * HttpClient fails the streams it has open when a GOAWAY arrives, graceful or not. Connections keep
     * their idle timeout: a deferred response that writes nothing for a while is still in flight.
     *
     * @return completes once no request of the server is in flight
     */
    CompletableFuture<Void> drain() {
        drainRequested = true;
        Server server = getServer();
        if (server == null || !isStarted()) {
            LOG.info("shutdown: Pax Web's server is starting; httpd's listener closes as soon as it has started");
        } else {
            closeListeners(server);
        }
        return inFlight.drained();
    }

    private void closeListeners(Server server) {
        List<HTTP2Session> http2 = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector closing) {
                String address = address(connector);
                closing.setShutdownIdleTimeout(-1);
                closing.shutdown();
                // Jetty leaves a listening socket without acceptor threads to its selector's stop.
                if (closing.getTransport() instanceof ServerSocketChannel socket) {
                    IO.close(socket);
                }
                closing.getConnectedEndPoints().forEach(endPoint -> {
                    if (endPoint.getConnection() instanceof HTTP2Connection connection) {
                        http2.add(connection.getSession());
                    }
                });
                LOG.info("httpd stopped accepting on {}: new connections are refused; requests in flight: {}",
                        address, inFlight.describe().size());
            }
        }
        goAwayWhenIdle(http2, server.getScheduler());
    }

    /** Sends each session its GOAWAY once it has no stream open, looking again every {@value #GO_AWAY_POLL_MILLIS} ms. */
    private void goAwayWhenIdle(List<HTTP2Session> sessions, Scheduler scheduler) {
        sessions.removeIf(session -> {
            if (session.isClosed()) {
                return true;
            }
            if (session.getStreamCount() == 0) {
                session.shutdown();
                return true;
            }
            return false;
        });
        if (!sessions.isEmpty() && scheduler.isRunning()) {
            scheduler.schedule(() -> goAwayWhenIdle(sessions, scheduler), GO_AWAY_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** @return a line per request in flight */
    List<String> inFlight() {
        return inFlight.describe();
    }

    private static String address(Connector connector) {
        if (connector instanceof NetworkConnector network) {
            String host = network.getHost();
            return (host == null || host.equals("0.0.0.0") ? "every address" : host) + " port "
                    + (network.getLocalPort() > 0 ? network.getLocalPort() : network.getPort());
        }
        return connector.getName();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        inFlight.track(request);
        Request.Handler current = dispatcher;
        if (current != null) {
            return current.handle(request, response, callback);
        }
        if (request.getAttribute(PASSED_ON) != null || !request.getHttpURI().getPath().startsWith("/")) {
            // Left to Pax Web by httpd, or for the server rather than a root ("OPTIONS *").
            return false;
        }
        hold(new Held(request, response, callback, new Scheduler.Task[1]));
        return true;
    }

    /** Makes {@code next} (or nobody, for {@code null}) the dispatcher, and hands it the requests that wait. */
    void dispatcher(Request.Handler next) {
        List<Held> released;
        synchronized (this) {
            dispatcher = next;
            if (next == null || waiting.isEmpty()) {
                return;
            }
            released = new ArrayList<>(waiting);
            waiting.clear();
        }
        LOG.debug("{} requests held for httpd go to its new dispatcher", released.size());
        released.forEach(held -> resume(held, next));
    }

    private void hold(Held held) {
        int hold = holdMillis.getAsInt();
        Request.Handler arrived;
        synchronized (this) {
            arrived = dispatcher;
            if (arrived == null && hold > 0) {
                waiting.add(held);
                held.expiry()[0] = held.request().getComponents().getScheduler()
                        .schedule(() -> expire(held), hold, TimeUnit.MILLISECONDS);
                statistics.held();
                return;
            }
        }
        if (arrived != null) {
            // httpd came back between the first look and the lock.
            resume(held, arrived);
        } else {
            unavailable(held);
        }
    }

    private void expire(Held held) {
        synchronized (this) {
            if (!waiting.remove(held)) {
                return;
            }
        }
        String client = Request.getRemoteAddr(held.request());
        UNAVAILABLE.warn(client, "{} {} from {} answered 503: httpd did not come back within swap_hold={} ms",
                held.request().getMethod(), held.request().getHttpURI().getPathQuery(), client, holdMillis.getAsInt());
        unavailable(held);
    }

    /** Runs {@code handler} on a pool thread, as Jetty would have for a request that did not wait. */
    private void resume(Held held, Request.Handler handler) {
        Scheduler.Task expiry = held.expiry()[0];
        if (expiry != null) {
            expiry.cancel();
        }
        try {
            held.request().getComponents().getExecutor().execute(() -> handle(held, handler));
        } catch (RejectedExecutionException stopping) {
            unavailable(held);
        }
    }

    private void handle(Held held, Request.Handler handler) {
        try {
            if (!handler.handle(held.request(), held.response(), held.callback())) {
                passOn(held);
            }
        } catch (Throwable failure) {
            LOG.error("{} {} failed after waiting for httpd", held.request().getMethod(),
                    held.request().getHttpURI().getPathQuery(), failure);
            Response.writeError(held.request(), held.response(), held.callback(), failure);
        }
    }

    /** httpd leaves the request to Pax Web's contexts: through the server again, past this handler. */
    private void passOn(Held held) throws Exception {
        held.request().setAttribute(PASSED_ON, Boolean.TRUE);
        if (!getServer().handle(held.request(), held.response(), held.callback())) {
            Response.writeError(held.request(), held.response(), held.callback(), HttpStatus.NOT_FOUND_404);
        }
    }

    private void unavailable(Held held) {
        statistics.unavailable();
        Response response = held.response();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        byte[] body = "Service Unavailable: httpd is being updated or is stopped\n".getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), held.callback());
    }

    private long retryAfterSeconds() {
        return Math.max(1, (holdMillis.getAsInt() + 999) / 1000);
    }
}
