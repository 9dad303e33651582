package io.switchboard.httpd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The response to one request. Status, content type and headers may be set until the first byte of
 * the body is sent; the body streams out as the handler writes and flushes it.
 */
@ProviderType
public interface HttpdResponse {

    /**
     * @param code the status code, 200 to 599: a 1xx is not a final status
     * @return this response
     * @throws IllegalArgumentException when the code is out of range
     * @throws IllegalStateException when the response is already committed
     */
    HttpdResponse status(int code);

    /**
     * @param contentType the {@code Content-Type}, for example {@code application/json}
     * @return this response
     * @throws IllegalArgumentException when the value holds CR or LF
     */
    HttpdResponse contentType(String contentType);

    /**
     * Adds a header value.
     *
     * @param name the header name
     * @param value the value
     * @return this response
     * @throws IllegalArgumentException when the name or value holds CR or LF
     */
    HttpdResponse header(String name, String value);

    /**
     * Declares the body length so the response is not chunked.
     *
     * @param length the number of bytes the body will have
     * @return this response
     */
    HttpdResponse contentLength(long length);

    /**
     * The body stream. Bytes written are buffered up to the server's {@code buf_size}, then sent
     * chunked; {@link OutputStream#flush()} sends what is buffered at once (OpenSIPS
     * {@code flush_data_cb}).
     *
     * @return the body stream; the same stream on every call
     * @throws IOException when the stream cannot be opened
     */
    OutputStream output() throws IOException;

    /**
     * Sends a whole response: status, content type and body, and completes it.
     *
     * @param code the status
     * @param contentType the content type
     * @param body the body
     * @throws IOException when the body cannot be written
     */
    void send(int code, String contentType, byte[] body) throws IOException;

    /**
     * Sends a whole UTF-8 text response and completes it.
     *
     * @param code the status
     * @param contentType the content type; {@code ;charset=utf-8} is added when it names none
     * @param body the body
     * @throws IOException when the body cannot be written
     */
    default void send(int code, String contentType, String body) throws IOException {
        String type = contentType.toLowerCase().contains("charset=") ? contentType : contentType + ";charset=utf-8";
        send(code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keeps the response open after {@link RootHandler#handle} returns, without holding a server
     * thread, until {@link #complete()} is called from any thread. A deferred response that is not
     * completed within the server's {@code async_timeout} is answered 504; one whose handler is
     * unregistered first is answered 503.
     *
     * @throws IllegalStateException when the response is already completed
     */
    void defer();

    /**
     * Completes the response: flushes what is buffered and ends the exchange. Further calls do
     * nothing.
     */
    void complete();

    /** @return {@code true} once the status and headers are sent */
    boolean committed();

    /** @return {@code true} once the response is completed, by the handler or by the server */
    boolean completed();
}
