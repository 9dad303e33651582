package io.switchboard.httpd.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.switchboard.httpd.BodyTooLargeException;

/** A request body that refuses to be read past {@code max_body_size}. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    /** Written by the reading thread only; read by whichever thread ends the exchange. */
    private volatile long read;

    /**
     * @param in the body
     * @param limit the largest number of bytes allowed, 0 for no limit
     */
    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    /** @return the number of bytes read so far */
    long bytesRead() {
        return read;
    }

    private void count(long n) throws BodyTooLargeException {
        read += n;
        if (limit > 0 && read > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
