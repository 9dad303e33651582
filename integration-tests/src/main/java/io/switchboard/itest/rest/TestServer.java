package io.switchboard.itest.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Jetty 12 server on 127.0.0.1 for the REST client to talk to, recording what it sees. In the clear
 * it speaks HTTP/1.x and h2c (prior knowledge); with a keystore TLS, offering h2 and http/1.1 by ALPN
 * or http/1.1 alone, optionally requiring a client certificate. Paths:
 * <ul>
 * <li>{@code /echo}: {@code METHOD|X-Test|Content-Type|body}</li>
 * <li>{@code /big}: 100 KB; {@code /stall}: half a body, then silence</li>
 * <li>{@code /slow?ms=N[&kb=K]}: answers {@code slow}, or K KB, after N ms without holding a thread,
 * counting requests in progress</li>
 * <li>{@code /held[?kb=K]}: answers {@code held}, or K KB, once the test {@link #releaseHeld() releases}
 * it (at once after that), without holding a thread; {@link #held} counts those that arrived</li>
 * <li>{@code /expect}: {@code Expect|body length}</li>
 * <li>{@code /close}: answers with {@code Connection: close}</li>
 * <li>{@code /once-per-connection}: answers the first request of a connection; closes the connection
 * without answering any later one, as a server that has just dropped an idle connection does</li>
 * <li>{@code /credentials}: {@code scheme|Authorization|Cookie}</li>
 * <li>{@code /whoami}: the subject of the client certificate, or {@code anonymous}</li>
 * <li>{@code /redirect?to=URL[&status=N]}: status N (302) with {@code Location: URL} and the body {@code moved}</li>
 * <li>{@code /hops?n=N}: redirects (302) to {@code /hops?n=N-1} until {@code /hops?n=0} answers {@code landed}</li>
 * <li>{@code /headers?count=N&size=S}: N headers {@code X-Filler-i} of S bytes each, up to 2 MB in all</li>
 * </ul>
 * Every request's protocol ({@code HTTP/1.0}, {@code HTTP/1.1}, {@code HTTP/2.0}) and connection
 * are recorded.
 */
final class TestServer implements AutoCloseable {
    final List<String> protocols = new CopyOnWriteArrayList<>();
    final Set<String> connections = ConcurrentHashMap.newKeySet();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger inProgress = new AtomicInteger();
    final AtomicInteger maxInProgress = new AtomicInteger();
    /** How many requests have arrived at {@code /held}. */
    final AtomicInteger held = new AtomicInteger();
    /** The answers of held requests; {@code null} once released. Guarded by {@code this}. */
    private List<Runnable> holding = new ArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector;
    private final String scheme;

    /** Clear text: HTTP/1.x and h2c. */
    TestServer() throws Exception {
        this(null, null, true, null);
    }

    /** TLS with the key in {@code keystore} (PKCS12), offering h2 and http/1.1. */
    TestServer(Path keystore, String password) throws Exception {
        this(keystore, password, true, null);
    }

    /**
     * @param h2 whether TLS offers h2 besides http/1.1
     * @param clientCas when not null, a client certificate these CAs issued is required
     */
    TestServer(Path keystore, String password, boolean h2, KeyStore clientCas) throws Exception {
        this(keystore, password, h2, clientCas, false);
    }

    /**
     * TLS with the key in {@code keystore}, http/1.1 only, and on the same port HTTP/1.x in the clear:
     * {@code https://127.0.0.1:P} and {@code http://127.0.0.1:P} are one host and port, two schemes.
     */
    static TestServer withCleartextOnTheSamePort(Path keystore, String password) throws Exception {
        return new TestServer(keystore, password, false, null, true);
    }

    private TestServer(Path keystore, String password, boolean h2, KeyStore clientCas, boolean cleartextToo)
            throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        // room for /headers to send more than the REST client accepts
        config.setResponseHeaderSize(2 * 1024 * 1024);
        HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        if (keystore == null) {
            connector = new ServerConnector(server, http1, new HTTP2CServerConnectionFactory(config));
            scheme = "http";
        } else {
            config.addCustomizer(new SecureRequestCustomizer(false));
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(keystore.toString());
            tls.setKeyStorePassword(password);
            tls.setKeyStoreType("PKCS12");
            if (clientCas != null) {
                tls.setTrustStore(clientCas);
                tls.setNeedClientAuth(true);
            }
            if (h2) {
                ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
                alpn.setDefaultProtocol("http/1.1");
                connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn,
                        new HTTP2ServerConnectionFactory(config), http1);
            } else if (cleartextToo) {
                // A connection that does not open with a TLS handshake goes on to http1 in the clear.
                connector = new ServerConnector(server, new DetectorConnectionFactory(
                        new SslConnectionFactory(tls, http1.getProtocol())), http1);
            } else {
                connector = new ServerConnector(server, new SslConnectionFactory(tls, http1.getProtocol()), http1);
            }
            scheme = "https";
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                requests.incrementAndGet();
                protocols.add(request.getConnectionMetaData().getHttpVersion().asString());
                String connection = request.getConnectionMetaData().getId();
                boolean reused = !connections.add(connection);
                switch (request.getHttpURI().getPath()) {
                case "/big" -> text(response, callback, "b".repeat(100 * 1024));
                case "/stall" -> stall(response, callback);
                case "/slow" -> slow(request, response, callback);
                case "/held" -> hold(request, response, callback);
                case "/expect" -> text(response, callback, request.getHeaders().get(HttpHeader.EXPECT) + "|"
                        + Content.Source.asByteBuffer(request).remaining());
                case "/close" -> {
                    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                    text(response, callback, "closing");
                }
                case "/once-per-connection" -> {
                    if (reused) {
                        request.getConnectionMetaData().getConnection().getEndPoint().close();
                        callback.failed(new IllegalStateException("dropped a reused connection"));
                    } else {
                        text(response, callback, "first on " + connection);
                    }
                }
                case "/redirect" -> {
                    Fields query = Request.extractQueryParameters(request);
                    String status = query.getValue("status");
                    response.setStatus(status == null ? 302 : Integer.parseInt(status));
                    response.getHeaders().put(HttpHeader.LOCATION, query.getValue("to"));
                    text(response, callback, "moved");
                }
                case "/hops" -> {
                    int n = Integer.parseInt(Request.extractQueryParameters(request).getValue("n"));
                    if (n == 0) {
                        text(response, callback, "landed");
                    } else {
                        response.setStatus(302);
                        response.getHeaders().put(HttpHeader.LOCATION, "/hops?n=" + (n - 1));
                        text(response, callback, "hop " + n);
                    }
                }
                case "/headers" -> {
                    Fields query = Request.extractQueryParameters(request);
                    String filler = "f".repeat(Integer.parseInt(query.getValue("size")));
                    for (int i = Integer.parseInt(query.getValue("count")); i > 0; i--) {
                        response.getHeaders().add("X-Filler-" + i, filler);
                    }
                    text(response, callback, "headers");
                }
                case "/credentials" -> text(response, callback, (request.isSecure() ? "https" : "http") + "|"
                        + request.getHeaders().get(HttpHeader.AUTHORIZATION) + "|"
                        + request.getHeaders().get(HttpHeader.COOKIE));
                case "/whoami" -> {
                    EndPoint.SslSessionData tls = (EndPoint.SslSessionData) request
                            .getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
                    X509Certificate[] peer = tls == null ? null : tls.peerCertificates();
                    text(response, callback, peer == null || peer.length == 0 ? "anonymous"
                            : peer[0].getSubjectX500Principal().getName());
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

    private void stall(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 100);
        response.write(false, ByteBuffer.wrap("partial".getBytes(StandardCharsets.US_ASCII)), Callback.from(() -> {
            // the rest never comes; the connection closes with the server
        }, callback::failed));
        server.getScheduler().schedule(callback::succeeded, 10, TimeUnit.SECONDS);
    }

    private void slow(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        int now = inProgress.incrementAndGet();
        maxInProgress.accumulateAndGet(now, Math::max);
        server.getScheduler().schedule(() -> {
            inProgress.decrementAndGet();
            String kb = query.getValue("kb");
            text(response, callback, kb == null ? "slow" : "s".repeat(Integer.parseInt(kb) * 1024));
        }, Long.parseLong(query.getValue("ms")), TimeUnit.MILLISECONDS);
    }

    private void hold(Request request, Response response, Callback callback) {
        String kb = Request.extractQueryParameters(request).getValue("kb");
        Runnable answer = () -> text(response, callback, kb == null ? "held" : "h".repeat(Integer.parseInt(kb) * 1024));
        boolean released;
        synchronized (this) {
            released = holding == null;
            if (!released) {
                holding.add(answer);
            }
        }
        held.incrementAndGet();
        if (released) {
            answer.run();
        }
    }

    /** Answers the requests held at {@code /held}, and from now on answers them at once. */
    void releaseHeld() {
        List<Runnable> answers;
        synchronized (this) {
            answers = holding == null ? List.of() : holding;
            holding = null;
        }
        answers.forEach(Runnable::run);
    }

    private static void text(Response response, Callback callback, String text) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, text, callback);
    }

    String url(String path) {
        return url(scheme, path);
    }

    /** For a server {@link #withCleartextOnTheSamePort with cleartext on the same port}: either scheme. */
    String url(String scheme, String path) {
        return scheme + "://127.0.0.1:" + connector.getLocalPort() + path;
    }

    /** @return the protocol of the last request */
    String lastProtocol() {
        return protocols.get(protocols.size() - 1);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
