package io.switchboard.rest.internal;

import java.io.IOException;
import java.net.SocketException;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * One retry, at once, for an idempotent request whose connection closed before any response arrived:
 * what a pooled connection the server has just closed does to the next request sent on it. The retry
 * leases again, and the pool has dropped the dead connection by then. Writing to such a connection
 * may fail with a plain {@link IOException} ("Broken pipe", "Connection reset"), not a
 * {@link SocketException}: that is the same case.
 * <p>
 * Nothing else is retried. Not a non-idempotent request (POST, PATCH): the server may have acted on it
 * before closing, so it fails with -10 and status 0 and the caller decides (RFC 9110, 9.2.2). Not a
 * failed connect, a TLS failure or a timeout: they would fail again. Not a response, whatever its
 * status: HttpClient's default would retry 429 and 503 after a second, which rest_client never did.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {
    static final StaleConnectionRetry INSTANCE = new StaleConnectionRetry();

    private StaleConnectionRetry() {
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException failure, int execCount, HttpContext context) {
        boolean closedUnderIt = failure instanceof ConnectionClosedException
                || failure.getClass() == SocketException.class || droppedWhileWriting(failure);
        boolean nothingArrived = HttpClientContext.castOrCreate(context).getResponse() == null;
        return execCount == 1 && closedUnderIt && nothingArrived && Method.isIdempotent(request.getMethod());
    }

    private static boolean droppedWhileWriting(IOException failure) {
        String message = failure.getMessage();
        return failure.getClass() == IOException.class && message != null
                && (message.contains("Broken pipe") || message.contains("Connection reset"));
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
