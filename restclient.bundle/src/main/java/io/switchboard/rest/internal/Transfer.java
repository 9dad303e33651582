package io.switchboard.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * One request's way: waiting for a {@code max_async_transfers} slot, running on HttpClient, ended.
 * Its {@code curl_timeout} runs from the call and is watched by {@link Deadlines}, so it fires on time
 * whether the request is still waiting, connecting or reading; it then completes with -3 and what had
 * arrived, or with -2 if it was running but its connection (TLS handshake included) was not up yet.
 * <p>
 * Who cleans up (deadline, slot, the client's user count) is decided by the {@code state} transitions
 * alone, never by who completed the future: the caller gets a dependent future, and completing or
 * cancelling that one (say by {@code orTimeout} or {@code cancel}) stops the exchange like a timeout does.
 */
final class Transfer implements Deadlines.Timed {
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int ENDED = 2;
    /** The seed's threshold for {@code enable_expect_100}. */
    private static final int EXPECT_100_ABOVE = 1024;

    private final SentRequest request;
    private final URI uri;
    private final RestSettings settings;
    private final PooledClient client;
    private final BodyCollector collector;
    private final CompletableFuture<RestResponse> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final long timeoutMillis;
    private volatile long deadlineNanos;
    private volatile Future<RestResponse> running;
    /** A response that arrived, held until HttpClient has put its connection back in the pool. */
    private volatile RestResponse arrived;
    private volatile boolean released;
    /** Whether HttpClient has a connection for it, TLS handshake included: set by {@link ConnectionUp}. */
    private volatile boolean connected;

    Transfer(SentRequest request, RestSettings settings, PooledClient client) {
        this.request = request;
        this.uri = request.uri();
        this.settings = settings;
        this.client = client;
        this.collector = new BodyCollector(settings.maxTransferBytes(), settings.maxHeaders(),
                this::connectionReleased);
        this.timeoutMillis = request.transferTimeout().toMillis(); // a sent request carries the effective one
    }

    CompletableFuture<RestResponse> begin() {
        deadlineNanos = client.resources().deadlines().after(Duration.ofMillis(timeoutMillis));
        client.resources().deadlines().add(this);
        client.resources().statistics().queued();
        // Interrupted, this thread would fail HttpClient's pool lease at once (it waits with tryLock).
        boolean cannotBlock = client.resources().names().answersAtOnce(uri.getHost())
                && !Thread.currentThread().isInterrupted();
        client.resources().slots().submit(cannotBlock ? this::start : this::lookUpAndStart, cannotBlock);
        CompletableFuture<RestResponse> caller = new CompletableFuture<>();
        // not result.copy(): that would wrap a failure in a CompletionException the caller never saw before
        BiConsumer<RestResponse, Throwable> handOver = (response, failure) -> {
            client.resources().statistics().ended(response, failure);
            if (failure == null) {
                caller.complete(response);
            } else {
                // The caller's exception keeps the whole URL; the log line gets no query (API keys live there).
                client.resources().failures().warn(target(), "REST {} failed: {}", request.method(),
                        LoggedUrl.scrub(failure.getMessage()));
                caller.completeExceptionally(failure);
            }
        };
        if (result.isDone()) {
            // Refused on this thread as it started (another connect under way, a closed client): handed
            // over here, the caller's callbacks would run inside its own call, and one that calls again
            // on failure would recurse until the stack overflowed.
            Runnable later = () -> result.whenComplete(handOver);
            try {
                client.resources().background().execute(later);
            } catch (RejectedExecutionException stopping) {
                later.run();
            }
        } else {
            result.whenComplete(handOver);
        }
        caller.whenComplete((response, failure) -> {
            // Done: whoever completed it ends the transfer. Not done: the caller ended its future itself,
            // perhaps on the JDK's one timer thread (orTimeout): cancelling in HttpClient there would make
            // every other caller's timeout wait behind it.
            if (!result.isDone()) {
                Runnable giveUp = () -> stop(new RestException(RestException.INTERNAL, "the caller gave up on "
                        + request.url(), collector.arrived(), null));
                try {
                    client.resources().background().execute(giveUp);
                } catch (RejectedExecutionException stopping) {
                    giveUp.run();
                }
            }
        });
        return caller;
    }

    /**
     * On a starter thread, for a host whose answer is not kept: looks it up first, so that the next
     * requests to it may start at once even while a kept-alive connection spares HttpClient the lookup.
     */
    private boolean lookUpAndStart() {
        if (state.get() == WAITING) {
            client.resources().names().refresh(uri.getHost());
        }
        return start();
    }

    /**
     * With a slot: hands the request to HttpClient, unless its deadline passed while it waited. The
     * deadline is checked here too, not only left to the timer: when many fall due at once the timer
     * runs behind, and starting requests already due would only make it later still.
     */
    private boolean start() {
        if (client.resources().deadlines().due(this)) {
            expire();
        }
        if (!state.compareAndSet(WAITING, RUNNING)) {
            return false;
        }
        client.resources().statistics().started();
        try {
            running = client.httpClient().execute(producer(), collector, null, context(), new FutureCallback<>() {
                @Override
                public void completed(RestResponse response) {
                    arrived = response;
                    if (released) {
                        succeed();
                    }
                }

                @Override
                public void failed(Exception failure) {
                    result.completeExceptionally(connectFailure(Failures.of(failure, request.url(), collector.arrived())));
                    end();
                }

                @Override
                public void cancelled() {
                    // after expire() this changes nothing; otherwise the client was closed under it
                    result.completeExceptionally(new RestException(RestException.INTERNAL,
                            "request to " + request.url() + " cancelled", collector.arrived(), null));
                    end();
                }
            });
        } catch (Throwable refused) { // whatever it is, the slot and the client's user count must come back
            result.completeExceptionally(Failures.of(refused, request.url(), null));
            end();
            return true;
        }
        if (result.isDone()) {
            running.cancel(true);
        }
        return true;
    }

    /**
     * HttpClient tells the response before it returns the connection to the pool; a caller that sent
     * its next request at once would find the pool without it and open another. So a response is
     * handed over only once the connection is back.
     */
    private void connectionReleased() {
        released = true;
        if (arrived != null) {
            succeed();
        }
    }

    /** Frees the slot first, so a caller that goes on at once finds it free; -3 may have come first. */
    private void succeed() {
        end();
        result.complete(arrived);
    }

    /** The host and port the request went to: whose failures a flood of them is counted against. */
    private String target() {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    @Override
    public long deadline() {
        return deadlineNanos;
    }

    @Override
    public void expire() {
        if (state.get() == RUNNING && !connected) {
            stop(new RestException(RestException.CONNECT_TIMEOUT, "connecting to " + request.url()
                    + " did not complete within " + timeoutMillis + " ms", null, null));
        } else {
            stop(new RestException(RestException.TRANSFER_TIMEOUT, "transfer from " + request.url()
                    + " did not complete within " + timeoutMillis + " ms", collector.arrived(), null));
        }
    }

    /**
     * A timeout before the connection was up is a connect timeout, whichever timer saw it: a stalled
     * TLS handshake ends in HttpClient's socket timeout, and equal timeouts would otherwise never give -2.
     */
    private RestException connectFailure(RestException failure) {
        if (connected || failure.code() != RestException.TRANSFER_TIMEOUT) {
            return failure;
        }
        return new RestException(RestException.CONNECT_TIMEOUT, "connecting to " + request.url() + " timed out", null,
                failure.getCause());
    }

    /** Fails the request with {@code why}, and what had arrived, unless it already has its outcome. */
    @Override
    public void abort(String why) {
        stop(new RestException(RestException.INTERNAL, why + " (" + request.url() + ")", collector.arrived(), null));
    }

    /**
     * Fails the request unless it already has its outcome, and ends it whatever completed it: a waiter
     * leaves here, a running transfer is cancelled and leaves through HttpClient's callback.
     */
    private void stop(RestException failure) {
        result.completeExceptionally(failure);
        if (state.compareAndSet(WAITING, ENDED)) {
            client.resources().statistics().leftQueue();
            client.resources().deadlines().remove(this);
            client.users().exit();
        } else if (state.get() == RUNNING && running != null) {
            running.cancel(true);
        }
    }

    /** The transfer is over: its deadline is moot, its slot goes to the next waiter, its client may close. */
    private void end() {
        if (state.getAndSet(ENDED) == RUNNING) {
            client.resources().statistics().finished();
            client.resources().deadlines().remove(this);
            client.resources().slots().release();
            client.users().exit();
        }
    }

    private AsyncRequestProducer producer() {
        AsyncRequestBuilder builder = AsyncRequestBuilder.create(request.method()).setUri(uri);
        request.headers().forEach(header -> builder.addHeader(header[0], header[1]));
        if (request.body() != null) {
            builder.setEntity(AsyncEntityProducers.create(request.body(), ContentType.parse(request.contentType())));
        }
        return builder.build();
    }

    private HttpClientContext context() {
        RequestConfig.Builder config = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(timeoutMillis))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeoutMillis))
                .setMaxRedirects(FollowRedirects.MAX_REDIRECTS)
                .setExpectContinueEnabled(settings.expect100() && request.body() != null
                        && request.body().length > EXPECT_100_ABOVE);
        if (request.connectTimeout() != null) {
            config.setConnectTimeout(Timeout.of(request.connectTimeout()));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config.build());
        context.setAttribute(ConnectionUp.LISTENER, (Runnable) () -> connected = true);
        return context;
    }
}
