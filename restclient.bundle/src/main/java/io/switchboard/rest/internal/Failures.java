package io.switchboard.rest.internal;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http2.hpack.HeaderListConstraintException;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** Maps what HttpClient reports to rest_client's return codes. */
final class Failures {
    private Failures() {
    }

    static RestException of(Throwable failure, String url, RestResponse arrived) {
        if (failure instanceof RestException known) {
            return known;
        }
        if (failure instanceof ConnectGuard.AlreadyConnectingException) {
            return new RestException(RestException.ALREADY_CONNECTING, failure.getMessage(), null, failure);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new RestException(RestException.CONNECT_TIMEOUT, "connecting to " + url + " timed out", null, failure);
        }
        if (failure instanceof SocketTimeoutException) {
            // HttpClient's response timeout, set to curl_timeout, beat the service's own deadline timer.
            return new RestException(RestException.TRANSFER_TIMEOUT, "transfer from " + url + " timed out", arrived,
                    failure);
        }
        if (failure instanceof ConnectException) {
            return new RestException(RestException.REFUSED, "connection to " + url + " refused", null, failure);
        }
        if (failure instanceof BodyCollector.TooLargeException) {
            return new RestException(RestException.INTERNAL, failure.getMessage() + " from " + url, arrived, failure);
        }
        if (failure instanceof MessageConstraintException || failure instanceof HeaderListConstraintException
                || failure instanceof BodyCollector.TooManyHeadersException) {
            return new RestException(RestException.INTERNAL, "the response headers from " + url
                    + " exceed the limits max_header_size and max_headers: " + failure.getMessage(), arrived, failure);
        }
        if (failure instanceof RedirectException) {
            return new RestException(RestException.INTERNAL, "redirects from " + url + " not followed to the end: "
                    + failure.getMessage() + " (follow_redirects follows at most " + FollowRedirects.MAX_REDIRECTS
                    + ")", arrived, failure);
        }
        if (failure instanceof CancellationException) {
            return new RestException(RestException.INTERNAL, "request to " + url + " cancelled", arrived, failure);
        }
        return new RestException(RestException.INTERNAL, "request to " + url + " failed: " + failure, arrived, failure);
    }
}
