package io.switchboard.rest.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Future;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.nio.AsyncClientConnectionManager;
import org.apache.hc.client5.http.nio.AsyncConnectionEndpoint;
import org.apache.hc.core5.concurrent.BasicFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ConnectionInitiator;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * {@code no_concurrent_connects}: the pool, except that a connect to a host name another connect (of
 * any client) is still establishing fails at once. HttpClient asks the pool to connect only when it has
 * no open connection to reuse, so a request a pooled connection serves never meets the refusal: what
 * the seed's {@code curl_conn_lifetime} makes libcurl skip the check for.
 */
final class ConnectGuard implements AsyncClientConnectionManager {
    /** Refused because the host is being connected to; rest_client's -4. */
    static final class AlreadyConnectingException extends IOException {
        private static final long serialVersionUID = 1L;

        AlreadyConnectingException(String host) {
            super("another request is connecting to " + host + " (no_concurrent_connects)");
        }
    }

    private final AsyncClientConnectionManager pool;
    private final Set<String> connecting;
    /** The route of each leased endpoint: connect() is told the endpoint only. Weak: never a leak. */
    private final Map<AsyncConnectionEndpoint, HttpRoute> routes = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param connecting the host names being connected to, shared by every client */
    ConnectGuard(AsyncClientConnectionManager pool, Set<String> connecting) {
        this.pool = pool;
        this.connecting = connecting;
    }

    @Override
    public Future<AsyncConnectionEndpoint> lease(String id, HttpRoute route, Object state, Timeout requestTimeout,
            FutureCallback<AsyncConnectionEndpoint> callback) {
        return pool.lease(id, route, state, requestTimeout, new FutureCallback<>() {
            @Override
            public void completed(AsyncConnectionEndpoint endpoint) {
                routes.put(endpoint, route);
                callback.completed(endpoint);
            }

            @Override
            public void failed(Exception failure) {
                callback.failed(failure);
            }

            @Override
            public void cancelled() {
                callback.cancelled();
            }
        });
    }

    @Override
    public void release(AsyncConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        routes.remove(endpoint);
        pool.release(endpoint, newState, validDuration);
    }

    @Override
    public Future<AsyncConnectionEndpoint> connect(AsyncConnectionEndpoint endpoint, ConnectionInitiator initiator,
            Timeout connectTimeout, Object attachment, HttpContext context,
            FutureCallback<AsyncConnectionEndpoint> callback) {
        HttpRoute route = routes.get(endpoint);
        String host = route == null ? null : route.getTargetHost().getHostName();
        if (host != null && !connecting.add(host)) {
            BasicFuture<AsyncConnectionEndpoint> refused = new BasicFuture<>(callback);
            refused.failed(new AlreadyConnectingException(host));
            return refused;
        }
        try {
            return connect(endpoint, initiator, connectTimeout, attachment, context, callback, host);
        } catch (RuntimeException failure) {
            // no callback will come: the host would stay "connecting", and every later connect to it get -4
            if (host != null) {
                connecting.remove(host);
            }
            throw failure;
        }
    }

    private Future<AsyncConnectionEndpoint> connect(AsyncConnectionEndpoint endpoint, ConnectionInitiator initiator,
            Timeout connectTimeout, Object attachment, HttpContext context,
            FutureCallback<AsyncConnectionEndpoint> callback, String host) {
        return pool.connect(endpoint, initiator, connectTimeout, attachment, context, new FutureCallback<>() {
            @Override
            public void completed(AsyncConnectionEndpoint connected) {
                done();
                callback.completed(connected);
            }

            @Override
            public void failed(Exception failure) {
                done();
                callback.failed(failure);
            }

            @Override
            public void cancelled() {
                done();
                callback.cancelled();
            }

            private void done() {
                if (host != null) {
                    connecting.remove(host);
                }
            }
        });
    }

    @Override
    public void upgrade(AsyncConnectionEndpoint endpoint, Object attachment, HttpContext context) {
        pool.upgrade(endpoint, attachment, context);
    }

    @Override
    public void upgrade(AsyncConnectionEndpoint endpoint, Object attachment, HttpContext context,
            FutureCallback<AsyncConnectionEndpoint> callback) {
        pool.upgrade(endpoint, attachment, context, callback);
    }

    @Override
    public void close(CloseMode closeMode) {
        pool.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }
}
