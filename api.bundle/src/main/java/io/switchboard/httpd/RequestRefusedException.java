package io.switchboard.httpd;

/**
 * What the client sent cannot be taken, for example a form past {@code max_form_size}: the server
 * answers {@link #status()} with the message when the handler lets this through, as a handler may
 * do when it has nothing to add.
 *
 * @since 1.2
 */
public class RequestRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param status the client error status, 400 to 499
     * @param message what the client gets told, one line
     * @throws IllegalArgumentException when the status is no client error
     */
    public RequestRefusedException(int status, String message) {
        super(message);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("status " + status + " is no client error (400-499)");
        }
        this.status = status;
    }

    /** @return the status the client gets, 400 to 499 */
    public int status() {
        return status;
    }
}
