package io.switchboard.mihttp.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;

/** One request and its response in memory, as httpd would hand them to the MI. */
final class FakeExchange implements HttpdRequest, HttpdResponse {
    private final String method;
    private final String path;
    private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    private final byte[] body;
    private final InetSocketAddress remote;
    private boolean secure;
    private InputStream bodyStream;

    private int status = 200;
    private String contentType;
    private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private volatile boolean deferred;
    private final CountDownLatch completed = new CountDownLatch(1);

    private FakeExchange(String method, String path, byte[] body, String remoteAddress) {
        this.method = method;
        this.path = path;
        this.body = body;
        try {
            this.remote = new InetSocketAddress(InetAddress.getByName(remoteAddress), 40000);
        } catch (UnknownHostException literalOnly) {
            throw new IllegalArgumentException(literalOnly);
        }
        with("Host", "127.0.0.1:8888");
    }

    /** A JSON-RPC POST from 127.0.0.1. */
    static FakeExchange post(byte[] json) {
        return new FakeExchange("POST", "/", json, "127.0.0.1").with("Content-Type", "application/json");
    }

    static FakeExchange post(String json) {
        return post(json.getBytes(StandardCharsets.UTF_8));
    }

    static FakeExchange get(String path, String remoteAddress) {
        return new FakeExchange("GET", path, new byte[0], remoteAddress);
    }

    FakeExchange with(String name, String value) {
        requestHeaders.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    FakeExchange overTls() {
        secure = true;
        return this;
    }

    // --- what the handler did

    int status() {
        return status;
    }

    String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    Optional<String> responseHeader(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    boolean wasDeferred() {
        return deferred;
    }

    /** @return whether the response was completed within the time */
    boolean awaitCompleted(long millis) throws InterruptedException {
        return completed.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Ends the exchange as httpd does when {@code handle} returns without deferring. */
    void handled() {
        if (!deferred) {
            complete();
        }
    }

    // --- request

    @Override
    public String method() {
        return method;
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String root() {
        return "mi";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String query() {
        return "";
    }

    @Override
    public String url() {
        return "/mi" + path;
    }

    @Override
    public Optional<String> arg(String name) {
        return Optional.empty();
    }

    @Override
    public Map<String, List<String>> args() {
        return Map.of();
    }

    @Override
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    @Override
    public List<String> headers(String name) {
        return requestHeaders.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public List<String> headerNames() {
        return List.copyOf(requestHeaders.keySet());
    }

    @Override
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    @Override
    public long contentLength() {
        return body.length;
    }

    @Override
    public synchronized InputStream body() {
        if (bodyStream == null) {
            bodyStream = new ByteArrayInputStream(body);
        }
        return bodyStream;
    }

    @Override
    public byte[] bodyBytes() {
        return body.clone();
    }

    @Override
    public CompletionStage<byte[]> readBody(long limit) {
        // The whole body is there: as httpd does then, the stage is complete and the response not deferred.
        return CompletableFuture.completedFuture(bodyBytes());
    }

    @Override
    public String serverName() {
        return "127.0.0.1";
    }

    @Override
    public int serverPort() {
        return 8888;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public InetSocketAddress local() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 8888);
    }

    // --- response

    @Override
    public HttpdResponse status(int code) {
        status = code;
        return this;
    }

    @Override
    public HttpdResponse contentType(String type) {
        contentType = type;
        return this;
    }

    @Override
    public HttpdResponse header(String name, String value) {
        responseHeaders.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    @Override
    public HttpdResponse contentLength(long length) {
        return this;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void send(int code, String type, byte[] bytes) {
        status = code;
        contentType = type;
        output.writeBytes(bytes);
        complete();
    }

    @Override
    public void defer() {
        deferred = true;
    }

    @Override
    public void complete() {
        completed.countDown();
    }

    @Override
    public boolean committed() {
        return output.size() > 0;
    }

    @Override
    public boolean completed() {
        return completed.getCount() == 0;
    }
}
