package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.nio.AsyncClientConnectionManager;
import org.apache.hc.client5.http.nio.AsyncConnectionEndpoint;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.AsyncPushConsumer;
import org.apache.hc.core5.http.nio.HandlerFactory;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/** no_concurrent_connects: a host is "connecting" only while a connect to it is under way. */
class ConnectGuardTest {
    private final AsyncConnectionEndpoint endpoint = new AsyncConnectionEndpoint() {
        @Override
        public void execute(String id, AsyncClientExchangeHandler handler, HandlerFactory<AsyncPushConsumer> push,
                HttpContext context) {
        }

        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
        }

        @Override
        public void close(CloseMode mode) {
        }
    };

    @Test
    void aConnectThePoolRefusesOnTheSpotLeavesTheHostFree() {
        Set<String> connecting = ConcurrentHashMap.newKeySet();
        ConnectGuard guard = new ConnectGuard(throwingOnConnect(), connecting);
        guard.lease("1", new HttpRoute(new HttpHost("http", "example.test", 80)), null, Timeout.ofSeconds(1),
                new FutureCallback<>() {
                    @Override
                    public void completed(AsyncConnectionEndpoint leased) {
                    }

                    @Override
                    public void failed(Exception failure) {
                    }

                    @Override
                    public void cancelled() {
                    }
                });
        assertThatIllegalStateException()
                .isThrownBy(() -> guard.connect(endpoint, null, Timeout.ofSeconds(1), null, null, null));
        assertThat(connecting).isEmpty();
    }

    /** A pool that leases {@link #endpoint} at once and throws from connect. */
    @SuppressWarnings("unchecked")
    private AsyncClientConnectionManager throwingOnConnect() {
        return (AsyncClientConnectionManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { AsyncClientConnectionManager.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                    case "lease" -> ((FutureCallback<AsyncConnectionEndpoint>) args[4]).completed(endpoint);
                    case "connect" -> throw new IllegalStateException("connection manager shut down");
                    default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
