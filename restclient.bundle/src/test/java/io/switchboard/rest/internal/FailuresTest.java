package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** What HttpClient reports, as rest_client's return codes. */
class FailuresTest {
    private static final String URL = "http://upstream.test/x";
    private final RestResponse arrived = new RestResponse(200, "text/plain", Map.of(), "par".getBytes());

    @Test
    void connectionRefusedIsMinusOne() {
        RestException refused = Failures.of(new ConnectException("Connection refused"), URL, arrived);
        assertThat(refused.code()).isEqualTo(RestException.REFUSED);
        assertThat(refused.partial()).isNull();
    }

    @Test
    void connectionTimeoutIsMinusTwoWithNothingArrived() {
        RestException timedOut = Failures.of(new ConnectTimeoutException("connect timed out"), URL, arrived);
        assertThat(timedOut.code()).isEqualTo(RestException.CONNECT_TIMEOUT);
        assertThat(timedOut.partial()).isNull();
    }

    @Test
    void aResponseTimeoutIsMinusThreeWithWhatArrived() {
        RestException timedOut = Failures.of(new SocketTimeoutException("read timed out"), URL, arrived);
        assertThat(timedOut.code()).isEqualTo(RestException.TRANSFER_TIMEOUT);
        assertThat(timedOut.partial()).isSameAs(arrived);
    }

    @Test
    void anotherConnectUnderWayIsMinusFour() {
        RestException busy = Failures.of(new ConnectGuard.AlreadyConnectingException("upstream.test"), URL, null);
        assertThat(busy.code()).isEqualTo(RestException.ALREADY_CONNECTING);
        assertThat(busy.getMessage()).contains("upstream.test", "no_concurrent_connects");
    }

    @Test
    void limitsCancellationAndTheUnexpectedAreMinusTen() {
        for (Throwable failure : List.of(new BodyCollector.TooLargeException(16 * 1024),
                new BodyCollector.TooManyHeadersException(101, 100), new CancellationException(),
                new IOException("No route to host"), new IllegalStateException("bug"))) {
            assertThat(Failures.of(failure, URL, arrived).code()).as(failure.toString()).isEqualTo(RestException.INTERNAL);
        }
    }

    @Test
    void aCodeAlreadyGivenIsKept() {
        RestException given = new RestException(RestException.CONNECT_TIMEOUT, "given", null, null);
        assertThat(Failures.of(given, URL, arrived)).isSameAs(given);
    }
}
