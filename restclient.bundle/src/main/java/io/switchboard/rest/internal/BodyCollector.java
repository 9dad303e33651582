package io.switchboard.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;

import io.switchboard.rest.RestResponse;

/**
 * Collects a response while it arrives, refusing to read past {@code max_transfer_size}, and can
 * tell at any moment what has arrived (for the partial body of a transfer timeout).
 */
final class BodyCollector extends AbstractBinResponseConsumer<RestResponse> {
    /** Thrown while reading when the body grows past {@code max_transfer_size}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the response body exceeds max_transfer_size=" + limit / 1024 + " KB");
        }
    }

    /**
     * A response with more header fields than {@code max_headers}. HTTP/1.1 never gets here (HttpCore
     * stops reading past the count); HTTP/2 bounds only the size of the whole list.
     */
    static final class TooManyHeadersException extends IOException {
        private static final long serialVersionUID = 1L;

        TooManyHeadersException(int count, int limit) {
            super("the response has " + count + " header fields, more than max_headers=" + limit);
        }
    }

    private final long limit;
    private final int maxHeaders;
    private final Runnable released;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private String contentType;
    private Map<String, List<String>> headers = Map.of();

    /**
     * @param limit the largest body in bytes, 0 for no limit
     * @param maxHeaders the most header fields a response may have
     * @param released told when HttpClient is done with the exchange: after a response, once its
     *        connection is back in the pool
     */
    BodyCollector(long limit, int maxHeaders, Runnable released) {
        this.limit = limit;
        this.maxHeaders = maxHeaders;
        this.released = released;
    }

    @Override
    protected synchronized void start(HttpResponse response, ContentType type) throws HttpException, IOException {
        Header[] fields = response.getHeaders();
        if (fields.length > maxHeaders) {
            throw new TooManyHeadersException(fields.length, maxHeaders);
        }
        status = response.getCode();
        contentType = type == null ? null : type.toString();
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Header header : fields) {
            all.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        headers = all;
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected synchronized void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        if (limit > 0 && body.size() + (long) n > limit) {
            throw new TooLargeException(limit);
        }
        byte[] chunk = new byte[n];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected synchronized RestResponse buildResult() {
        return arrived();
    }

    /** @return what has arrived so far: status 0 while no reply has */
    synchronized RestResponse arrived() {
        return new RestResponse(status, contentType, headers, body.toByteArray());
    }

    /** The collected body is the result: nothing to free, but the moment matters. */
    @Override
    public void releaseResources() {
        released.run();
    }
}
