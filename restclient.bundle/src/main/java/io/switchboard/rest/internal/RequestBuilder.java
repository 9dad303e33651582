package io.switchboard.rest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.hc.core5.http.ContentType;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestRequest;
import io.switchboard.rest.RestResponse;

/**
 * A request being put together. Each send takes a copy of it, with the effective {@code curl_timeout},
 * through the {@link PooledClient} current then: a builder used again cannot change a request waiting
 * for its slot.
 */
final class RequestBuilder implements RestRequest {
    /** An RFC 9110 token, as a header name must be. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /**
     * What a header line may hold: HttpCore writes a character it cannot send as {@code ?}, so text in
     * another script would arrive mangled, and a control character has no business in a header.
     */
    private static final Pattern FIELD_TEXT = Pattern.compile("[\\t\\x20-\\x7E]*");
    /** Longer is a mistake; it also keeps deadlines in nanoseconds far from overflowing. */
    private static final Duration MAX_TIMEOUT = Duration.ofDays(365);
    /**
     * How long after its {@code curl_timeout} a blocking send stops waiting by itself: the deadline
     * sweep should have ended the request long before, but a caller must never hang on it.
     */
    private static final long BACKSTOP_MARGIN_MILLIS = 1000;
    private final Supplier<ClientSet> clients;
    private final RestStatistics statistics;
    private final String method;
    private final String url;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body;
    private String contentType;
    private Duration transferTimeout;
    private Duration connectTimeout;
    private String tlsDomain;

    /** One send under way, and how long a blocking caller waits for it at most. */
    private record Dispatched(CompletableFuture<RestResponse> call, Duration timeout) {
    }

    /**
     * @param clients the clients current when the request is sent
     * @param statistics where each send is counted and timed
     */
    RequestBuilder(Supplier<ClientSet> clients, RestStatistics statistics, String method, String url) {
        this.clients = clients;
        this.statistics = statistics;
        this.method = method;
        this.url = url;
    }

    @Override
    public RestRequest header(String field) {
        if (field == null || !FIELD_TEXT.matcher(field).matches()) {
            throw new IllegalArgumentException("header must be one line of US-ASCII text (tabs allowed, no other "
                    + "control characters): " + field);
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
        if (type != null && !(FIELD_TEXT.matcher(type).matches() && parses(type))) {
            throw new IllegalArgumentException("content type must be one line of US-ASCII text that reads as a "
                    + "media type with parameters, its charset one the JVM knows: " + type);
        }
        body = bytes == null ? new byte[0] : bytes.clone();
        contentType = type == null ? RestClient.DEFAULT_CONTENT_TYPE : type;
        return this;
    }

    @Override
    public RestRequest timeout(Duration transfer) {
        transferTimeout = checked("timeout", transfer);
        return this;
    }

    @Override
    public RestRequest connectTimeout(Duration connect) {
        connectTimeout = checked("connect timeout", connect);
        return this;
    }

    /** Checked when set: sending would fail on it later, further from the caller's mistake. */
    private static boolean parses(String type) {
        try {
            ContentType.parse(type);
            return true;
        } catch (RuntimeException unreadable) { // ParseException, UnsupportedCharsetException, ...
            return false;
        }
    }

    /** @return {@code timeout}, which is {@code null} (the configured one) or positive and at most a year */
    private static Duration checked(String what, Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            throw new IllegalArgumentException(what + " must be positive and at most " + MAX_TIMEOUT + ": " + timeout);
        }
        return timeout;
    }

    @Override
    public RestRequest tlsDomain(String name) {
        tlsDomain = name;
        return this;
    }

    @Override
    public RestResponse send() throws RestException {
        Dispatched sent = dispatch();
        CompletableFuture<RestResponse> call = sent.call();
        try {
            call.get((sent.timeout() == null ? 0 : sent.timeout().toMillis()) + BACKSTOP_MARGIN_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            // Ending the caller's future ends the exchange too: its slot and connection come back.
            call.completeExceptionally(new RestException(RestException.TRANSFER_TIMEOUT, "transfer from " + url
                    + " still under way " + BACKSTOP_MARGIN_MILLIS + " ms past its timeout; abandoned", null, late));
        } catch (ExecutionException failed) {
            // read below
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new RestException(RestException.INTERNAL, "interrupted while waiting for " + url, null, interrupted);
        }
        try {
            return call.join();
        } catch (CompletionException failed) {
            throw Failures.of(failed.getCause(), url, null);
        }
    }

    @Override
    public CompletionStage<RestResponse> sendAsync() {
        return dispatch().call();
    }

    /** Sends what the request holds now, and times it from here to the outcome its caller gets. */
    private Dispatched dispatch() {
        long calledNanos = System.nanoTime();
        Dispatched sent = start();
        sent.call().whenComplete((response, failure) -> statistics.timed(failure, System.nanoTime() - calledNanos));
        return sent;
    }

    /** Counts and sends what the request holds now, with the effective {@code curl_timeout} of the client it gets. */
    private Dispatched start() {
        statistics.requested(method);
        if (url == null) {
            return notSent(because("the URL is null"), null);
        }
        URI uri;
        try {
            uri = TargetUrl.parse(url);
        } catch (IllegalArgumentException invalid) {
            return notSent(new RestException(RestException.INTERNAL, "bad URL " + url + ": " + invalid.getMessage(),
                    null, invalid), null);
        }
        PooledClient client;
        do {
            // A configuration change may retire the clients just read: the next read has their successors.
            ClientSet current = clients.get();
            if (current == null) {
                return notSent(because(RestSettings.PID + " has no valid configuration, or this service object "
                        + "was unregistered (its bundle was updated or stopped: use the one registered now)"), null);
            }
            client = current.pick(tlsDomain);
            if (client == null) {
                return notSent(because("no valid TLS client domain named " + tlsDomain + " ("
                        + TlsDomain.FACTORY_PID + ")"), null);
            }
        } while (!client.users().enter());
        Duration timeout = transferTimeout != null ? transferTimeout : client.settings().transferTimeout();
        SentRequest sent = toSend(uri, timeout);
        try {
            return new Dispatched(client.start(sent), timeout);
        } catch (RuntimeException | Error failure) {
            client.users().exit(); // else the client counts a user for ever, and never closes once retired
            return notSent(Failures.of(failure, url, null), timeout);
        }
    }

    /** A send that fails before its transfer exists: the transfer would have counted how it ended. */
    private Dispatched notSent(RestException failure, Duration timeout) {
        statistics.ended(null, failure);
        return new Dispatched(CompletableFuture.failedFuture(failure), timeout);
    }

    /** @return what a send now would carry, to {@code uri} within {@code timeout} */
    SentRequest toSend(URI uri, Duration timeout) {
        return new SentRequest(method, url, uri, List.copyOf(headers), body, contentType, timeout, connectTimeout);
    }

    private RestException because(String why) {
        return new RestException(RestException.INTERNAL, "request to " + url + " not sent: " + why, null, null);
    }
}
