package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

/** Which failures of a pooled connection get their one retry. */
class StaleConnectionRetryTest {
    private final StaleConnectionRetry retry = StaleConnectionRetry.INSTANCE;

    @Test
    void aConnectionDroppedUnderAWriteIsRetriedOnceForIdempotentRequestsOnly() {
        for (String message : new String[] { "Broken pipe", "Connection reset by peer" }) {
            IOException dropped = new IOException(message);
            assertThat(retry.retryRequest(new BasicHttpRequest("GET", "/"), dropped, 1, HttpClientContext.create()))
                    .as(message).isTrue();
            assertThat(retry.retryRequest(new BasicHttpRequest("GET", "/"), dropped, 2, HttpClientContext.create()))
                    .as(message + ", second time").isFalse();
            assertThat(retry.retryRequest(new BasicHttpRequest("POST", "/"), dropped, 1, HttpClientContext.create()))
                    .as(message + ", POST").isFalse();
        }
        assertThat(retry.retryRequest(new BasicHttpRequest("PUT", "/"), new SocketException("Connection reset"), 1,
                HttpClientContext.create())).isTrue();
    }

    @Test
    void otherFailuresAndFailuresAfterAResponseAreNotRetried() {
        assertThat(retry.retryRequest(new BasicHttpRequest("GET", "/"), new IOException("No route to host"), 1,
                HttpClientContext.create())).isFalse();
        HttpClientContext answered = HttpClientContext.create();
        answered.setResponse(new BasicHttpResponse(200));
        assertThat(retry.retryRequest(new BasicHttpRequest("GET", "/"), new IOException("Broken pipe"), 1, answered))
                .isFalse();
    }
}
