package io.switchboard.itest.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Jetty 12 server on 127.0.0.1 for the REST client to talk to: {@code /echo} answers with what it
 * got, {@code /big} with 100 KB, {@code /stall} with half a body and then silence.
 */
final class TestServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector;
    private final String scheme;

    TestServer() throws Exception {
        this(null, null);
    }

    /** A server speaking TLS with the key in {@code keystore} (PKCS12), or plain HTTP when it is null. */
    TestServer(Path keystore, String password) throws Exception {
        if (keystore == null) {
            connector = new ServerConnector(server);
            scheme = "http";
        } else {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(keystore.toString());
            tls.setKeyStorePassword(password);
            tls.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, tls);
            scheme = "https";
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                switch (path) {
                case "/big" -> text(response, callback, "b".repeat(100 * 1024));
                case "/stall" -> {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 100);
                    response.write(false, ByteBuffer.wrap("partial".getBytes(StandardCharsets.US_ASCII)),
                            Callback.from(() -> {
                                // the rest never comes; the connection closes with the server
                            }, callback::failed));
                    server.getScheduler().schedule(() -> callback.succeeded(), 10, TimeUnit.SECONDS);
                }
                default -> {
                    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                    text(response, callback, request.getMethod() + "|" + request.getHeaders().get("X-Test") + "|"
                            + request.getHeaders().get(HttpHeader.CONTENT_TYPE) + "|" + body);
                }
                }
                return true;
            }
        });
        server.start();
    }

    private static void text(Response response, Callback callback, String text) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, text, callback);
    }

    String url(String path) {
        return scheme + "://127.0.0.1:" + connector.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
