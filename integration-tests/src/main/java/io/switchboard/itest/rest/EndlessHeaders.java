package io.switchboard.itest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile HTTP/1.1 upstream on 127.0.0.1: to every request it answers a status line and then
 * header bytes without end, as many short header lines or one line that never ends, until the client
 * hangs up (or 64 MB went out, so a client without limits cannot keep a test running for ever).
 */
final class EndlessHeaders implements AutoCloseable {
    private static final long MOST = 64L * 1024 * 1024;
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Bytes sent after the status line, over every connection. */
    final AtomicLong sent = new AtomicLong();
    private final boolean oneLine;

    /** @param oneLine one header line that never ends, rather than header lines without end */
    EndlessHeaders(boolean oneLine) throws IOException {
        this.oneLine = oneLine;
        Thread acceptor = new Thread(this::accept, "endless-headers-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread writer = new Thread(() -> flood(socket), "endless-headers-writer");
                writer.setDaemon(true);
                writer.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void flood(Socket socket) {
        try (socket) {
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
        } catch (IOException hungUp) {
            // the client stopped reading: what the test wants
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
