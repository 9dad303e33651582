package io.switchboard.xhttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
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
 * One microhttpd listener: a Jetty server of its own whose requests become events. Connections
 * from addresses {@code allowed_ips} leaves out are closed as soon as they are accepted, before a
 * byte is read.
 */
final class MicroListener {
    private static final Logger LOG = LoggerFactory.getLogger(MicroListener.class);

    private final QueuedThreadPool threads;
    private final Server server;
    private final ServerConnector connector;

    MicroListener(MicrohttpdSettings settings, Supplier<MicrohttpdSettings> current, EventDispatcher dispatcher) {
        threads = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
        threads.setName("microhttpd");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.listenAddr().isEmpty() ? null : settings.listenAddr());
        connector.setPort(settings.listenPort());
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

    /** @throws Exception when the address cannot be bound */
    void start() throws Exception {
        server.start();
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception failed) {
            LOG.warn("microhttpd listener on port {} did not stop cleanly", connector.getPort(), failed);
        }
    }

    int port() {
        return connector.getLocalPort();
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
