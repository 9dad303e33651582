package io.switchboard.rest.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * One HttpClient with its connection pool, for one configuration. The pool holds at most
 * {@code max_async_transfers} connections, so no more transfers than that run at once; further ones
 * wait for a connection while their {@code curl_timeout} runs.
 */
final class Transfers implements AutoCloseable {
    private final RestSettings settings;
    private final ScheduledExecutorService timer;
    private final CloseableHttpAsyncClient client;

    Transfers(RestSettings settings, ScheduledExecutorService timer) throws GeneralSecurityException, IOException {
        this.settings = settings;
        this.timer = timer;
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(Trust.context(settings.verifyPeer(), settings.caPath()))
                        .build())
                .setMaxConnTotal(settings.maxTransfers())
                .setMaxConnPerRoute(settings.maxTransfers())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout())).build())
                .build();
        client = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .disableCookieManagement()
                .build();
        client.start();
    }

    CompletableFuture<RestResponse> start(Request request, URI uri) {
        AsyncRequestBuilder builder = AsyncRequestBuilder.create(request.method).setUri(uri);
        request.headers.forEach(header -> builder.addHeader(header[0], header[1]));
        if (request.body != null) {
            builder.setEntity(AsyncEntityProducers.create(request.body, ContentType.parse(request.contentType)));
        }
        AsyncRequestProducer producer = builder.build();
        HttpClientContext context = HttpClientContext.create();
        long transferMillis = (request.transferTimeout == null ? settings.transferTimeout() : request.transferTimeout)
                .toMillis();
        RequestConfig.Builder config = RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(transferMillis))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(transferMillis));
        if (request.connectTimeout != null) {
            config.setConnectTimeout(Timeout.of(request.connectTimeout));
        }
        context.setRequestConfig(config.build());
        BodyCollector collector = new BodyCollector(settings.maxTransferBytes());
        CompletableFuture<RestResponse> result = new CompletableFuture<>();
        Future<RestResponse> transfer = client.execute(producer, collector, null, context, new FutureCallback<>() {
            @Override
            public void completed(RestResponse response) {
                result.complete(response);
            }

            @Override
            public void failed(Exception failure) {
                result.completeExceptionally(Failures.of(failure, request.url, collector.arrived()));
            }

            @Override
            public void cancelled() {
                // the timer below cancelled it and already failed the result with -3
            }
        });
        // curl_timeout covers the whole transfer, waiting and connecting included, on a timer of its own.
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            RestResponse arrived = collector.arrived();
            if (result.completeExceptionally(new RestException(RestException.TRANSFER_TIMEOUT,
                    "transfer from " + request.url + " did not complete within " + transferMillis + " ms", arrived,
                    null))) {
                transfer.cancel(true);
            }
        }, transferMillis, TimeUnit.MILLISECONDS);
        result.whenComplete((response, failure) -> deadline.cancel(false));
        return result;
    }

    @Override
    public void close() throws IOException {
        client.close(CloseMode.GRACEFUL);
    }
}
