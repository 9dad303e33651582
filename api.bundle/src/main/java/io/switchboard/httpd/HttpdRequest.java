package io.switchboard.httpd;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One HTTP request as its root handler sees it.
 */
@ProviderType
public interface HttpdRequest {

    /** @return the method, for example {@code GET} */
    String method();

    /** @return the protocol and version, for example {@code HTTP/1.1} */
    String protocol();

    /** @return {@code true} when the request came over TLS */
    boolean secure();

    /** @return the root that matched, or {@link RootHandler#FALLBACK} for the fallback handler */
    String root();

    /**
     * @return the decoded, normalised path below the root: {@code ""} for {@code /mi}, {@code "/"}
     *         for {@code /mi/}, {@code "/x"} for {@code /mi/x?y}; for the fallback handler, the
     *         whole path
     */
    String path();

    /** @return the raw query string without the {@code ?}, or {@code ""} when there is none */
    String query();

    /**
     * @return the path and query as the client sent them, still encoded (Kamailio's {@code $hu}),
     *         for example {@code /mi/x?y=1}
     */
    String url();

    /**
     * Looks an argument up in the query string and, for {@code application/x-www-form-urlencoded}
     * bodies, in the form (OpenSIPS {@code lookup_arg}). Reading form arguments consumes the body,
     * blocking this thread until it has arrived, unless {@link #readBody()} read it first.
     * <p>
     * A form longer than the server's {@code max_form_size}, more arguments than {@code max_form_keys}
     * (query and form together), or a malformed escape throw {@link RequestRefusedException} (413, 400,
     * 400), which the server answers if the handler lets it through.
     *
     * @param name the argument name
     * @return its first value, if present
     * @throws RequestRefusedException when the arguments cannot be taken
     */
    Optional<String> arg(String name);

    /** @return every query and form argument with all its values, in order; consumes a form body as {@link #arg} does */
    Map<String, List<String>> args();

    /**
     * @param name a header name, in any case
     * @return the header's first value, if present
     */
    Optional<String> header(String name);

    /**
     * @param name a header name, in any case
     * @return every value of the header, in order; empty when absent
     */
    List<String> headers(String name);

    /** @return the names of the headers present */
    List<String> headerNames();

    /** @return the {@code Content-Type} header, if present */
    Optional<String> contentType();

    /**
     * @return the declared body length, or -1 when the client did not declare it (chunked body)
     */
    long contentLength();

    /**
     * The body as it arrives. Reading past the server's {@code max_body_size} throws
     * {@link BodyTooLargeException}, which the server answers 413 if the handler lets it through.
     *
     * @return the body stream; the same stream on every call
     * @throws IOException when the body cannot be read
     */
    InputStream body() throws IOException;

    /**
     * Reads the whole body, at most {@code max_body_size} bytes.
     *
     * @return the body
     * @throws IOException when the body cannot be read or exceeds {@code max_body_size}
     */
    byte[] bodyBytes() throws IOException;

    /**
     * Reads the whole body without holding a thread while it arrives. Afterwards {@link #body()},
     * {@link #bodyBytes()} and the form arguments read what was read here.
     * <p>
     * A body that came with the request (most small ones) completes the stage at once, and dependent
     * actions run on the thread that calls this. Otherwise the response is deferred
     * ({@link HttpdResponse#defer()}), and dependent actions run later on a server thread, which may
     * block. Either way they must end the response ({@code send} or {@code complete}): whether the
     * stage is done when this returns does not say whether the response was deferred. The server
     * does not see what they throw: catch it and answer.
     * <p>
     * The stage completes exceptionally, after the server itself has answered and completed the
     * response, with {@link BodyTooLargeException} past the limit (413), with a
     * {@link java.util.concurrent.TimeoutException} when the body took longer than {@code body_timeout}
     * to arrive, or the connection was idle for {@code idle_timeout} (408), or with an
     * {@link IOException} when the client went away or the response was ended otherwise (504 past
     * {@code async_timeout}, 503 when the handler left).
     *
     * @return the body, read once: the same stage on every call
     * @throws IllegalStateException when {@link #body()} was read already, or the response is completed
     * @since 1.2
     */
    default CompletionStage<byte[]> readBody() {
        return readBody(Long.MAX_VALUE);
    }

    /**
     * As {@link #readBody()}, with a lower bound of the handler's own: a body longer than
     * {@code limit} bytes is answered 413 (naming the limit) and never held in memory whole.
     *
     * @param limit the most bytes the body may have; {@code max_body_size} applies when it is lower
     * @return the body, read once: the same stage on every call, whatever limit later calls name
     * @throws IllegalStateException when {@link #body()} was read already, or the response is completed
     * @throws IllegalArgumentException when {@code limit} is negative
     * @since 1.2
     */
    CompletionStage<byte[]> readBody(long limit);

    /**
     * @return the host the client addressed, from the {@code Host} header or HTTP/2's
     *         {@code :authority}, without the port; IPv6 literals in brackets
     * @since 1.1
     */
    String serverName();

    /**
     * @return the port the client addressed, the scheme's default when it named none
     * @since 1.1
     */
    int serverPort();

    /**
     * @return the client's IP address, as text (Kamailio {@code $si}; {@link io.switchboard.xhttp.HttpEvent}
     *         says the same)
     * @since 1.4
     */
    default String sourceAddress() {
        return remote().getAddress().getHostAddress();
    }

    /**
     * @return the client's port (Kamailio {@code $sp})
     * @since 1.4
     */
    default int sourcePort() {
        return remote().getPort();
    }

    /**
     * @return the whole body decoded as UTF-8, at most {@code max_body_size} bytes, as {@link #bodyBytes()}
     * @throws IOException when the body cannot be read or exceeds {@code max_body_size}
     * @since 1.4
     */
    default String bodyText() throws IOException {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    /** @return the client's address and port as one socket address: {@link #sourceAddress()} and {@link #sourcePort()} */
    InetSocketAddress remote();

    /** @return the server address and port the request came in on */
    InetSocketAddress local();
}
