package io.switchboard.httpd;

import java.io.IOException;

/**
 * Thrown when a request body is longer than the server's {@code max_body_size}. If the handler lets
 * it through, the server answers 413.
 */
public class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * @param limit the {@code max_body_size} that was exceeded, in bytes
     */
    public BodyTooLargeException(long limit) {
        super("request body exceeds max_body_size=" + limit + " bytes");
        this.limit = limit;
    }

    /** @return the {@code max_body_size} that was exceeded, in bytes */
    public long limit() {
        return limit;
    }
}
