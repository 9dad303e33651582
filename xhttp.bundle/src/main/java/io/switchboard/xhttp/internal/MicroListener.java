package io.switchboard.xhttp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.jetty.RequestsInFlight;
import io.switchboard.support.net.AllowList;

/**
 * One microhttpd listener: a Jetty server of its own whose requests become events, on a listening
 * socket it is handed (the anchor keeps it open across updates of this bundle). Connections from
 * addresses {@code allowed_ips} leaves out are closed as soon as they are accepted, before a byte is
 * read, and those already open when it narrows are closed then.
 */
final class MicroListener {
    private static final Logger LOG = LoggerFactory.getLogger(MicroListener.class);
    /** How long a retired listener's connections may take to carry one more request. */
    private static final long DRAIN_MILLIS = 2000;
    /** A retired listener closes a connection idle this long, as any server closes an idle keep-alive connection. */
    private static final long IDLE_WHILE_DRAINING_MILLIS = 500;
    private static final long DRAIN_POLL_MILLIS = 10;
    /** Deregistering the socket from the selector takes one turn of its loop. */
    private static final long DEREGISTER_MILLIS = 2000;

    private final ServerSocketChannel socket;
    private final QueuedThreadPool threads;
    private final Server server;
    private final ServerConnector connector;
    private final Refusals refusals;
    private final MicrohttpdStatistics statistics;
    private final RequestsInFlight inFlight = new RequestsInFlight();
    /** Set once retired or drained: every response closes its connection. */
    private volatile boolean draining;

    /**
     * @param socket the bound listening socket, deregistered from any other listener's selector
     * @throws IOException when the socket cannot be used
     */
    MicroListener(ServerSocketChannel socket, MicrohttpdSettings settings, Supplier<MicrohttpdSettings> current,
            EventDispatcher dispatcher, ScheduledExecutorService timer, Refusals refusals,
            MicrohttpdStatistics statistics) throws IOException {
        this.socket = socket;
        this.refusals = refusals;
        this.statistics = statistics;
        threads = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
        threads.setName("microhttpd");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // No acceptor thread: a selector accepts, so retiring stops accepting by deregistering the
        // socket, where interrupting an acceptor blocked in accept() would close it.
        connector = new ServerConnector(server, 0, selectors(Runtime.getRuntime().availableProcessors(),
                settings.maxThreads()), new HttpConnectionFactory(http));
        awaitDeregistered();
        connector.open(socket);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                closeIfNotAllowed(connection.getEndPoint(), current.get().allowList());
            }
        });
        server.addConnector(connector);
        server.setHandler(new MicroHandler(current, dispatcher, threads, timer, refusals, statistics,
                () -> draining, inFlight));
    }

    /** @throws Exception when the server cannot start */
    void start() throws Exception {
        server.start();
    }

    /**
     * Stops accepting at once, leaving the socket open and free for the next listener, and lets each
     * open connection carry one more request, answered with {@code Connection: close}, for at most
     * {@value #DRAIN_MILLIS} ms; then the server stops. Returns once it has: when the bundle is being
     * updated, nothing of it may run after it stopped, as its classes can no longer be loaded. (Jetty's
     * own graceful stop closes a connection after a response already on its way without saying so,
     * which a client that sent its next request meanwhile sees as a reset.)
     */
    void retire() {
        stopAccepting();
        connector.getConnectedEndPoints().forEach(endPoint -> endPoint.setIdleTimeout(IDLE_WHILE_DRAINING_MILLIS));
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
            while (!connector.getConnectedEndPoints().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(DRAIN_POLL_MILLIS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    /**
     * Stops accepting, for a shutdown: the requests in flight go on, and every response from now on
     * closes its connection. The socket is left to its owner to close.
     *
     * @return completes once no request is in flight
     */
    CompletableFuture<Void> drain() {
        stopAccepting();
        return inFlight.drained();
    }

    /** Every response from now on closes its connection, and the socket leaves the selector. */
    private void stopAccepting() {
        draining = true;
        connector.setAccepting(false);
        awaitDeregistered();
    }

    /** @return a line per request in flight */
    List<String> inFlight() {
        return inFlight.describe();
    }

    /**
     * One selector per processor: requests that no handler blocks on are served on the selector's own
     * thread, so a single selector kept microhttpd to one core (0.8x Kamailio xhttp on 2 cores, 1.1x with
     * two). At most half of {@code max_threads}, so that handlers which may block keep threads to run on.
     */
    static int selectors(int processors, int maxThreads) {
        return Math.max(1, Math.min(processors, maxThreads / 2));
    }

    /** Stops now, leaving the socket to its owner. */
    void stop() {
        connector.setAccepting(false);
        awaitDeregistered();
        try {
            server.stop();
        } catch (Exception failed) {
            LOG.warn("microhttpd listener on port {} did not stop cleanly", port(), failed);
        }
    }

    /**
     * Closes the open connections of clients {@code allowed} leaves out: a narrowed {@code allowed_ips}
     * applies to kept-alive connections too, not only to the next ones.
     */
    void closeConnectionsNotIn(AllowList allowed) {
        connector.getConnectedEndPoints().forEach(endPoint -> closeIfNotAllowed(endPoint, allowed));
    }

    private void closeIfNotAllowed(EndPoint endPoint, AllowList allowed) {
        var peer = endPoint.getRemoteSocketAddress();
        if (endPoint.isOpen() && !allowed.allows(peer)) {
            Object client = peer instanceof InetSocketAddress address ? address.getAddress() : peer;
            refusals.notAllowed.warn(client, "microhttpd: connection from {} closed: not in allowed_ips", peer);
            statistics.refused();
            endPoint.close();
        }
    }

    ServerSocketChannel socket() {
        return socket;
    }

    int port() {
        return socket.socket().getLocalPort();
    }

    /** A socket still registered with a selector cannot be handed on: Jetty would fail to configure it. */
    private void awaitDeregistered() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEREGISTER_MILLIS);
        while (socket.isRegistered() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
