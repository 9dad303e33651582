package io.switchboard.httpd.internal;

import java.util.concurrent.TimeoutException;

/**
 * A body that did not arrive within {@code body_timeout}. {@link WholeBody} fails the request with it,
 * to end Jetty's wait for more content; that failure reaches the request's failure listeners too,
 * where it must not abort the exchange: the 408 is on its way.
 */
final class BodyTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    BodyTimeoutException(int bodyTimeout) {
        super("the body did not arrive within body_timeout=" + bodyTimeout + " ms");
    }
}
