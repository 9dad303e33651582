package io.switchboard.xhttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.xhttp.HttpEventHandler;

/**
 * One microhttpd listener: a Jetty server of its own whose requests become events, on a listening
 * socket it is handed (the anchor keeps it open across updates of this bundle). Connections from
 * addresses {@code allowed_ips} leaves out are closed as soon as they are accepted, before a byte is
 * read.
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
    /** Set once retired: every response closes its connection. */
    private volatile boolean draining;

    /**
     * @param socket the bound listening socket, deregistered from any other listener's selector
     * @throws IOException when the socket cannot be used
     */
    MicroListener(ServerSocketChannel socket, MicrohttpdSettings settings, Supplier<MicrohttpdSettings> current,
            EventDispatcher dispatcher) throws IOException {
        this.socket = socket;
        threads = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
        threads.setName("microhttpd");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // No acceptor thread: the selector accepts, so retiring stops accepting by deregistering the
        // socket, where interrupting an acceptor blocked in accept() would close it.
        connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
        awaitDeregistered();
        connector.open(socket);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                var peer = connection.getEndPoint().getRemoteSocketAddress();
                if (!current.get().allowList().allows(peer)) {
                    LOG.debug("microhttpd: connection from {} closed: not in allowed_ips", peer);
                    connection.getEndPoint().close();
                }
            }
        });
        server.addConnector(connector);
        // Declared non-blocking so Jetty calls it on the I/O thread: it runs handlers that promise not
        // to block right there and hands everything else (and every body to read) to the pool itself.
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (draining) {
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                }
                MicrohttpdSettings settings = current.get();
                HandlerTable.Entry entry = dispatcher.select(settings.callback());
                if (entry != null && entry.nonBlocking() && !hasBody(request)) {
                    raise(request, response, callback, settings, entry, new byte[0], dispatcher);
                } else {
                    threads.execute(() -> readAndRaise(request, response, callback, settings, entry, dispatcher));
                }
                return true;
            }
        });
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
        draining = true;
        connector.setAccepting(false);
        awaitDeregistered();
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

    private static boolean hasBody(Request request) {
        return request.getHeaders().contains(HttpHeader.CONTENT_LENGTH)
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** On a pool thread: reads the body, blocking, then raises the event. */
    private static void readAndRaise(Request request, Response response, Callback callback,
            MicrohttpdSettings settings, HandlerTable.Entry entry, EventDispatcher dispatcher) {
        int limit = settings.maxBodySize() == 0 ? Integer.MAX_VALUE - 8 : settings.maxBodySize();
        byte[] body = null;
        if (!hasBody(request)) {
            body = new byte[0];
        } else if (request.getLength() <= limit) {
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readNBytes(limit + 1);
            } catch (IOException clientGone) {
                callback.failed(clientGone);
                return;
            }
        }
        if (body == null || body.length > limit) {
            send(response, callback, 413, "text/plain;charset=utf-8",
                    ("Payload Too Large: the body exceeds max_body_size=" + settings.maxBodySize() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        raise(request, response, callback, settings, entry, body, dispatcher);
    }

    private static void raise(Request request, Response response, Callback callback, MicrohttpdSettings settings,
            HandlerTable.Entry entry, byte[] body, EventDispatcher dispatcher) {
        Event.Request facts = new Event.Request(request.getMethod(), request.getHttpURI().getPathQuery(),
                request.getConnectionMetaData().getProtocol(), () -> headersOf(request), body,
                Request.getRemoteAddr(request), Request.getRemotePort(request));
        dispatcher.dispatch(new Event(HttpEventHandler.MICROHTTPD, facts,
                (code, contentType, replyBody) -> send(response, callback, code, contentType, replyBody)),
                entry, settings.callback(), settings.replyTimeout());
    }

    private static Map<String, List<String>> headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static void send(Response response, Callback callback, int code, String contentType, byte[] body) {
        response.setStatus(code);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
