package io.switchboard.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.BasicFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncPushConsumer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.HandlerFactory;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;

import io.switchboard.rest.RestResponse;

/**
 * An HttpClient with no I/O: it keeps each request it is given as an {@link Exchange} that the test
 * plays as HttpClient would (the connection coming up, the response arriving, a failure). Its
 * futures are HttpCore's, as HttpClient's are: cancelling one tells the request's callback.
 */
final class FakeHttpClient extends CloseableHttpAsyncClient {
    /** One request as HttpClient got it. */
    static final class Exchange {
        final BodyCollector collector;
        final HttpContext context;
        final BasicFuture<RestResponse> future;

        Exchange(BodyCollector collector, HttpContext context, BasicFuture<RestResponse> future) {
            this.collector = collector;
            this.context = context;
            this.future = future;
        }

        /** The connection is up, TLS handshake included: what {@link ConnectionUp} tells. */
        void connectionUp() {
            ((Runnable) context.getAttribute(ConnectionUp.LISTENER)).run();
        }

        /** The response head arrives, then {@code text} of its body. */
        Exchange respond(int status, String text) throws Exception {
            collector.consumeResponse(new BasicHttpResponse(status), new BasicEntityDetails(-1, ContentType.TEXT_PLAIN),
                    context, new FutureCallback<>() {
                        @Override
                        public void completed(RestResponse response) {
                            future.completed(response);
                        }

                        @Override
                        public void failed(Exception failure) {
                            future.failed(failure);
                        }

                        @Override
                        public void cancelled() {
                            future.cancel();
                        }
                    });
            collector.consume(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** The last byte arrives: HttpClient tells the response, then puts the connection back in the pool. */
        void finish() throws Exception {
            collector.streamEnd(List.of());
            collector.releaseResources();
        }
    }

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    /** When set, each request fails with it before execute returns, as HttpClient's pool can fail one. */
    volatile Exception refuseAtOnce;

    Exchange exchange(int index) {
        return exchanges.get(index);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> Future<T> doExecute(HttpHost target, AsyncRequestProducer producer, AsyncResponseConsumer<T> consumer,
            HandlerFactory<AsyncPushConsumer> pushes, HttpContext context, FutureCallback<T> callback) {
        BasicFuture<T> future = new BasicFuture<>(callback);
        if (refuseAtOnce != null) {
            future.failed(refuseAtOnce);
            return future;
        }
        exchanges.add(new Exchange((BodyCollector) consumer, context, (BasicFuture<RestResponse>) (BasicFuture<?>) future));
        return future;
    }

    @Override
    public void start() {
    }

    @Override
    public IOReactorStatus getStatus() {
        return closed ? IOReactorStatus.SHUT_DOWN : IOReactorStatus.ACTIVE;
    }

    @Override
    public void awaitShutdown(TimeValue waitTime) {
    }

    @Override
    public void initiateShutdown() {
        closed = true;
    }

    @Override
    public void register(String hostname, String uriPattern, Supplier<AsyncPushConsumer> supplier) {
    }

    @Override
    public void close(CloseMode closeMode) {
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
