package io.switchboard.httpd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.RootHandler;

/** A root handler's view of one request, over Jetty's core request. */
final class JettyRequest implements HttpdRequest {
    private final Request request;
    private final String root;
    private final RequestPath path;
    private final HttpdSettings settings;
    private final RequestBody body;
    /** Deferred while {@link #readBody} waits for the body, and answers when it cannot be read. */
    private final JettyResponse response;
    /** Guarded by {@code this}. */
    private Map<String, List<String>> args;

    JettyRequest(Request request, String root, RequestPath path, HttpdSettings settings, RequestBody body,
            JettyResponse response) {
        this.request = request;
        this.root = root;
        this.path = path;
        this.settings = settings;
        this.body = body;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String protocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String root() {
        return root;
    }

    @Override
    public String path() {
        return root.equals(RootHandler.FALLBACK) ? path.full() : path.below();
    }

    @Override
    public String query() {
        String query = request.getHttpURI().getQuery();
        return query == null ? "" : query;
    }

    @Override
    public String url() {
        return url(request);
    }

    /** @return the path and query {@code request} asked for, as log lines name it */
    static String url(Request request) {
        HttpURI uri = request.getHttpURI();
        String query = uri.getQuery();
        return query == null ? uri.getPath() : uri.getPath() + "?" + query;
    }

    @Override
    public Optional<String> arg(String name) {
        List<String> values = args().get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public synchronized Map<String, List<String>> args() {
        if (args == null) {
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            boolean form = type != null
                    && MimeTypes.Type.FORM_ENCODED.is(MimeTypes.getContentTypeWithoutCharset(type));
            Charset charset = form ? MimeTypes.DEFAULTS.getCharset(type) : null;
            args = FormArguments.parse(query(), form ? body.form() : null,
                    charset == null ? StandardCharsets.UTF_8 : charset, settings.forms());
        }
        return args;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    @Override
    public List<String> headerNames() {
        return List.copyOf(request.getHeaders().getFieldNamesCollection());
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }

    @Override
    public long contentLength() {
        return request.getLength();
    }

    @Override
    public InputStream body() {
        return body.stream();
    }

    @Override
    public byte[] bodyBytes() throws IOException {
        return body.bytes();
    }

    @Override
    public CompletionStage<byte[]> readBody(long limit) {
        return body.readWhole(limit, response);
    }

    @Override
    public String serverName() {
        String name = Request.getServerName(request);
        return name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
    }

    @Override
    public int serverPort() {
        return Request.getServerPort(request);
    }

    @Override
    public String sourceAddress() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public int sourcePort() {
        return Request.getRemotePort(request);
    }

    @Override
    public InetSocketAddress remote() {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress inet) {
            return inet;
        }
        return literal(Request.getRemoteAddr(request), Request.getRemotePort(request));
    }

    @Override
    public InetSocketAddress local() {
        if (request.getConnectionMetaData().getLocalSocketAddress() instanceof InetSocketAddress inet) {
            return inet;
        }
        return literal(Request.getLocalAddr(request), Request.getLocalPort(request));
    }

    private static InetSocketAddress literal(String ip, int port) {
        try {
            // Jetty gives IP literals: parsed, never looked up.
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException notALiteral) {
            return InetSocketAddress.createUnresolved(ip, port);
        }
    }
}
