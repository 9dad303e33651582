package io.switchboard.httpd.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import io.switchboard.httpd.BodyTooLargeException;
import io.switchboard.httpd.RequestRefusedException;

/**
 * A request's body, read one way only: as a stream on the handler's thread, or whole by
 * {@code readBody()} with no thread waiting. Knows how many bytes came, for the statistics.
 */
final class RequestBody {
    private final Request request;
    private final String root;
    private final HttpdSettings settings;
    /** Set once under {@code this}; volatile so the exchange can be counted without waiting for a reader. */
    private volatile LimitedInputStream stream;
    /** What {@link #readWhole} reads, set once under {@code this}; volatile for the same reason as {@link #stream}. */
    private volatile WholeBody whole;
    /** {@link #stream()} once {@link #readWhole} read the body; guarded by {@code this}. */
    private InputStream wholeStream;

    RequestBody(Request request, String root, HttpdSettings settings) {
        this.request = request;
        this.root = root;
        this.settings = settings;
    }

    /** @return the body as a stream: the bytes {@link #readWhole} read, else Jetty's content, within {@code max_body_size} */
    synchronized InputStream stream() {
        if (whole != null) {
            byte[] bytes = whole.bytes();
            if (bytes == null) {
                throw new IllegalStateException("readBody() has not read the body (yet)");
            }
            if (wholeStream == null) {
                wholeStream = new ByteArrayInputStream(bytes);
            }
            return wholeStream;
        }
        if (stream == null) {
            stream = new LimitedInputStream(new BufferedInputStream(Content.Source.asInputStream(request),
                    settings.postBufSize()), settings.maxBodySize());
        }
        return stream;
    }

    /** @return the whole body, read on this thread unless {@link #readWhole} read it */
    byte[] bytes() throws IOException {
        byte[] read = readWhole();
        if (read != null) {
            return read;
        }
        long declared = request.getLength();
        if (declared == 0 || absent()) {
            return new byte[0];
        }
        if (settings.maxBodySize() > 0 && declared > settings.maxBodySize()) {
            throw new BodyTooLargeException(settings.maxBodySize());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 1 << 20) : 256);
        byte[] buffer = new byte[settings.postBufSize()];
        InputStream in = stream();
        for (int n; (n = in.read(buffer)) >= 0;) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** @return a form's bytes, read on this thread unless {@link #readWhole} read them; at most one past the limit */
    byte[] form() {
        HttpdSettings.Forms limits = settings.forms();
        byte[] read = readWhole();
        if (read != null) {
            return read;
        }
        if (request.getLength() > limits.maxSize()) {
            throw FormArguments.tooLarge(limits);
        }
        try {
            return stream().readNBytes(limits.maxSize() + 1);
        } catch (BodyTooLargeException tooLarge) {
            throw new RequestRefusedException(413, DispatchHandler.tooLarge(tooLarge.limit()));
        } catch (IOException unreadable) {
            throw new RequestRefusedException(400, "Bad Request: the form cannot be read: " + unreadable);
        }
    }

    /**
     * Starts reading the whole body, once; the response is deferred while it arrives.
     *
     * @param limit the most bytes the root handler takes
     */
    synchronized CompletionStage<byte[]> readWhole(long limit, JettyResponse response) {
        if (limit < 0) {
            throw new IllegalArgumentException("a body limit cannot be negative: " + limit);
        }
        if (whole != null) {
            return whole.stage();
        }
        if (stream != null) {
            throw new IllegalStateException("the body is already read as a stream");
        }
        whole = response.completed()
                ? WholeBody.failed(new IOException("the response was ended before the body was read"))
                : WholeBody.read(request, settings, limit, absent(), failure -> refuseUnread(failure, response),
                        response::deferUnlessEnded);
        return whole.stage();
    }

    /** Answers a request whose body {@link #readWhole} could not read, and closes its connection. */
    private void refuseUnread(Throwable failure, JettyResponse response) {
        if (response.completed()) {
            // Already answered (async_timeout, the handler left): the read only stops.
            return;
        }
        if (failure instanceof BodyTooLargeException tooLarge) {
            response.answer(413, tooLarge.limit() == settings.maxBodySize() ? DispatchHandler.tooLarge(tooLarge.limit())
                    : "Payload Too Large: the body exceeds the " + tooLarge.limit() + " bytes root " + root + " takes",
                    true);
        } else if (failure instanceof TimeoutException slow) {
            String client = Request.getRemoteAddr(request);
            ClientLines.REFUSALS.info(client, "root {}: {} {} from {} answered 408: {}", root, request.getMethod(),
                    JettyRequest.url(request), client, slow.getMessage());
            response.answer(408, "Request Timeout: " + slow.getMessage(), true);
        } else {
            response.abort(failure);
        }
    }

    /** @return the body {@link #readWhole} read, or {@code null} */
    private byte[] readWhole() {
        WholeBody read = whole;
        return read == null ? null : read.bytes();
    }

    /** @return the body bytes that came so far, however they were read */
    long bytesRead() {
        LimitedInputStream read = stream;
        WholeBody reading = whole;
        return read != null ? read.bytesRead() : reading != null ? reading.bytesRead() : 0;
    }

    /** The exchange ended: a whole body still on its way stops arriving. */
    void exchangeEnded() {
        WholeBody reading = whole;
        if (reading != null) {
            reading.exchangeEnded();
        }
    }

    /** An HTTP/1 request without Content-Length and Transfer-Encoding has no body: nothing to read. */
    private boolean absent() {
        HttpVersion version = request.getConnectionMetaData().getHttpVersion();
        HttpFields headers = request.getHeaders();
        return (version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0)
                && !headers.contains(HttpHeader.CONTENT_LENGTH) && !headers.contains(HttpHeader.TRANSFER_ENCODING);
    }
}
