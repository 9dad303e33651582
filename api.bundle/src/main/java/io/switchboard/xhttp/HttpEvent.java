package io.switchboard.xhttp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One HTTP request as an event, with the reply it expects. Read what the handler needs of the
 * request before replying: once the reply is sent the engine may recycle the request behind it.
 */
@ProviderType
public interface HttpEvent {

    /** @return the route that raised the event: {@value HttpEventHandler#XHTTP} or {@value HttpEventHandler#MICROHTTPD} */
    String route();

    /** @return the method, for example {@code GET} */
    String method();

    /** @return the path and query as the client sent them, still encoded (Kamailio {@code $hu}) */
    String url();

    /**
     * @return the protocol and version, for example {@code HTTP/1.1}, as {@code HttpdRequest.protocol()}
     * @since 1.1
     */
    default String protocol() {
        return version();
    }

    /**
     * @return the protocol version, for example {@code HTTP/1.1}
     * @deprecated for {@link #protocol()}, the word both request types use
     */
    @Deprecated(since = "1.1")
    String version();

    /**
     * @param name a header name, in any case
     * @return its first value, if present
     */
    Optional<String> header(String name);

    /** @return every header with all its values, names as the client sent them */
    Map<String, List<String>> headers();

    /**
     * @return the whole request body, empty when there is none. The event is raised only once the body
     *         has arrived, read with no thread waiting for it and within the module's bounds on its size
     *         and the time it may take, past which the client was answered 413 or 408 instead
     * @since 1.1
     */
    default byte[] bodyBytes() {
        return body();
    }

    /**
     * @return the whole request body, as {@link #bodyBytes()}
     * @deprecated for {@link #bodyBytes()}: in {@code HttpdRequest}, {@code body()} is a stream
     */
    @Deprecated(since = "1.1")
    byte[] body();

    /** @return the body decoded as UTF-8 */
    String bodyText();

    /**
     * @return the client's IP address, as text (Kamailio {@code $si}), as {@code HttpdRequest.sourceAddress()}
     * @since 1.1
     */
    default String sourceAddress() {
        return peerAddress();
    }

    /**
     * @return the client's port (Kamailio {@code $sp})
     * @since 1.1
     */
    default int sourcePort() {
        return peerPort();
    }

    /**
     * @return the client's address
     * @deprecated for {@link #sourceAddress()}, the word both request types use
     */
    @Deprecated(since = "1.1")
    String peerAddress();

    /**
     * @return the client's port
     * @deprecated for {@link #sourcePort()}
     */
    @Deprecated(since = "1.1")
    int peerPort();

    /**
     * Sends the reply, from any thread, once.
     *
     * @param code the final status, 200 to 599; an interim 1xx status is refused
     * @param reason the reason phrase, as Kamailio's {@code xhttp_reply} takes it; it is not sent: HTTP/2
     *        has none, HTTP/1.1 clients must ignore it (RFC 9112, 4), and the engine writes the status's
     *        standard phrase
     * @param contentType the {@code Content-Type}, one line
     * @param body the body, sent as UTF-8
     * @throws IllegalArgumentException when the status is not 200 to 599 (a 1xx included) or the content
     *         type holds CR or LF; nothing of the reply is sent and the client gets 500
     * @throws IllegalStateException when the event was already answered
     */
    void reply(int code, String reason, String contentType, String body);

    /**
     * Sends the reply with a binary body; otherwise as {@link #reply(int, String, String, String)}.
     *
     * @param code the final status, 200 to 599; an interim 1xx status is refused
     * @param reason the reason phrase; not sent, as for {@link #reply(int, String, String, String)}
     * @param contentType the {@code Content-Type}, one line
     * @param body the body
     * @throws IllegalArgumentException as {@link #reply(int, String, String, String)}
     * @throws IllegalStateException when the event was already answered
     */
    void reply(int code, String reason, String contentType, byte[] body);

    /** @return {@code true} once the event is answered, by the handler or by the module */
    boolean replied();
}
