package io.switchboard.rest.internal;

import java.io.IOException;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * A link in HttpClient's chain after {@link ConnectionUp}: the request has its connection and goes out
 * on it now, so its body counts in {@code bytes_out}. A request that never got a connection (-1, -2)
 * counts nothing; one sent again (a retry on a stale connection, a redirect that keeps the body)
 * counts again, as its body went out again.
 */
final class BytesOut implements AsyncExecChainHandler {
    static final String NAME = "switchboard-bytes-out";

    private final RestStatistics statistics;

    BytesOut(RestStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
            AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        if (entityProducer != null) {
            statistics.sent(entityProducer.getContentLength());
        }
        chain.proceed(request, entityProducer, scope, callback);
    }
}
