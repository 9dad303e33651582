package io.switchboard.itest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile HTTP/1.1 upstream on 127.0.0.1: to every request it answers a status line and then
 * header bytes without end, as many short header lines or one line that never ends, until the client
 * hangs up (or 64 MB went out, so a client without limits cannot keep a test running for ever).
 */
final class EndlessHeaders extends RawUpstream {
    private static final long MOST = 64L * 1024 * 1024;
    /** Bytes sent after the status line, over every connection. */
    final AtomicLong sent = new AtomicLong();
    private final boolean oneLine;

    /** @param oneLine one header line that never ends, rather than header lines without end */
    EndlessHeaders(boolean oneLine) throws IOException {
        super("endless-headers");
        this.oneLine = oneLine;
        start();
    }

    @Override
    void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        for (int state = 0; state < 4;) { // to the blank line that ends the request's headers
            int b = in.read();
            if (b < 0) {
                return;
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
        if (oneLine) {
            out.write("X-Endless: ".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] chunk = (oneLine ? "x".repeat(4096) : "X-Flood: " + "y".repeat(53) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        while (sent.addAndGet(chunk.length) < MOST) {
            out.write(chunk);
        }
    }
}
