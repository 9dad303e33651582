package io.switchboard.rest.internal;

import java.io.IOException;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * A link in HttpClient's chain right after the one that connects: when it runs, the request has a
 * connection, TLS handshake included, new or pooled. It tells the exchange, through the context, so
 * that a timeout before this point reports -2 (connect timeout), not -3.
 */
final class ConnectionUp implements AsyncExecChainHandler {
    static final String NAME = "switchboard-connection-up";
    static final ConnectionUp INSTANCE = new ConnectionUp();
    /** Context attribute: a {@link Runnable} to run once the connection is up. */
    static final String LISTENER = "switchboard.rest.connection-up";

    private ConnectionUp() {
    }

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
            AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        if (scope.clientContext.getAttribute(LISTENER) instanceof Runnable listener) {
            listener.run();
        }
        chain.proceed(request, entityProducer, scope, callback);
    }
}
