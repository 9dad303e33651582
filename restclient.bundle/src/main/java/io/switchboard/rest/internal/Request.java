package io.switchboard.rest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestRequest;
import io.switchboard.rest.RestResponse;

/** A request being put together, sent once through the {@link Transfers} current then. */
final class Request implements RestRequest {
    /** An RFC 9110 token, as a header name must be. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private final Supplier<Clients> clients;
    final String method;
    final String url;
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    String contentType;
    Duration transferTimeout;
    Duration connectTimeout;
    String tlsDomain;

    /** @param clients the clients current when the request is sent */
    Request(Supplier<Clients> clients, String method, String url) {
        this.clients = clients;
        this.method = method;
        this.url = url;
    }

    @Override
    public RestRequest header(String field) {
        if (field == null || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header must be one line without CR or LF: " + field);
        }
        int colon = field.indexOf(':');
        String name = colon < 0 ? "" : field.substring(0, colon).trim();
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("header must be written 'Name: value' with a token name: " + field);
        }
        headers.add(new String[] { name, field.substring(colon + 1).trim() });
        return this;
    }

    @Override
    public RestRequest body(String text, String type) {
        return body(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8), type);
    }

    @Override
    public RestRequest body(byte[] bytes, String type) {
        if (type != null && (type.indexOf('\r') >= 0 || type.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("content type must be one line without CR or LF: " + type);
        }
        body = bytes == null ? new byte[0] : bytes.clone();
        contentType = type == null ? RestClient.DEFAULT_CONTENT_TYPE : type;
        return this;
    }

    @Override
    public RestRequest timeout(Duration transfer) {
        transferTimeout = transfer;
        return this;
    }

    @Override
    public RestRequest connectTimeout(Duration connect) {
        connectTimeout = connect;
        return this;
    }

    @Override
    public RestRequest tlsDomain(String name) {
        tlsDomain = name;
        return this;
    }

    @Override
    public RestResponse send() throws RestException {
        try {
            return sendAsync().toCompletableFuture().get();
        } catch (ExecutionException failed) {
            throw Failures.of(failed.getCause(), url, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RestException(RestException.INTERNAL, "interrupted while waiting for " + url, null, interrupted);
        }
    }

    @Override
    public CompletionStage<RestResponse> sendAsync() {
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http or https URL");
            }
        } catch (IllegalArgumentException invalid) {
            return CompletableFuture.failedFuture(
                    new RestException(RestException.INTERNAL, "bad URL " + url + ": " + invalid.getMessage(), null, invalid));
        }
        Transfers transfers;
        do {
            // A configuration change may retire the clients just read: the next read has their successors.
            Clients current = clients.get();
            if (current == null) {
                return failed(RestSettings.PID + " has no valid configuration");
            }
            transfers = current.pick(tlsDomain);
            if (transfers == null) {
                return failed("no valid TLS client domain named " + tlsDomain + " (" + TlsDomain.FACTORY_PID + ")");
            }
        } while (!transfers.enter());
        return transfers.start(this, uri);
    }

    private CompletionStage<RestResponse> failed(String why) {
        return CompletableFuture.failedFuture(new RestException(RestException.INTERNAL,
                "request to " + url + " not sent: " + why, null, null));
    }
}
