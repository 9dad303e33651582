package io.switchboard.rest;

/** A request that failed, with OpenSIPS rest_client's return code. */
public class RestException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Connection refused. */
    public static final int REFUSED = -1;
    /** {@code connection_timeout} passed before a connection was established. */
    public static final int CONNECT_TIMEOUT = -2;
    /** {@code curl_timeout} passed before the last byte arrived; {@link #partial()} holds what did. */
    public static final int TRANSFER_TIMEOUT = -3;
    /** Another request is connecting to the same host ({@code no_concurrent_connects}). */
    public static final int ALREADY_CONNECTING = -4;
    /** Anything else, {@code max_transfer_size} exceeded among them. */
    public static final int INTERNAL = -10;

    private final int code;
    private final transient RestResponse partial;

    /**
     * @param code one of the codes above
     * @param message what happened
     * @param partial the status and body that arrived before the failure, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public RestException(int code, String message, RestResponse partial, Throwable cause) {
        super(message + " (rc " + code + ")", cause);
        this.code = code;
        this.partial = partial;
    }

    /** @return the rest_client return code: -1, -2, -3, -4 or -10 */
    public int code() {
        return code;
    }

    /** @return what arrived before the failure (status 0 when no reply did), or {@code null} */
    public RestResponse partial() {
        return partial;
    }
}
