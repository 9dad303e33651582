package io.switchboard.itest.xhttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that declare a large body and then send it one byte at a time, as a slow link or an attack
 * does: each keeps its request open for as long as the server waits for the body.
 */
final class Tricklers implements AutoCloseable {
    /** The pace of the report: one byte every 0.4 s. */
    private static final long PACE_MILLIS = 400;

    private final List<Socket> sockets = new ArrayList<>();
    private final Thread sender;
    private volatile boolean running = true;

    private Tricklers(int port, int count, String path) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nx")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            sockets.add(socket);
            socket.getOutputStream().write(head);
        }
        sender = new Thread(this::trickle, "tricklers");
        sender.start();
    }

    /** Opens {@code count} connections to {@code port}, each with its headers and the first byte sent. */
    static Tricklers start(int port, int count, String path) throws IOException {
        return new Tricklers(port, count, path);
    }

    /** A trickling client's pace, not a test's wait: it sends until the server closes on it. */
    private void trickle() {
        while (running) {
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write('x');
                    out.flush();
                } catch (IOException closedByServer) {
                    // answered: it stops sending
                }
            }
            try {
                Thread.sleep(PACE_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    /** @return how many connections have had no byte of an answer yet and are still open */
    int unanswered() throws IOException {
        int open = 0;
        for (Socket socket : sockets) {
            if (!socket.isClosed() && socket.getInputStream().available() == 0) {
                open++;
            }
        }
        return open;
    }

    /** @return the status line each connection got, or what it got instead, waiting up to {@code wait} each */
    List<String> answers(Duration wait) throws IOException {
        List<String> answers = new ArrayList<>();
        for (Socket socket : sockets) {
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            try {
                for (int b; (b = in.read()) >= 0 && b != '\r';) {
                    answer.append((char) b);
                }
            } catch (SocketTimeoutException none) {
                answer.append("no answer within ").append(wait);
            } catch (IOException reset) {
                answer.append(reset);
            }
            answers.add(answer.toString());
        }
        return answers;
    }

    /** @return {@code true} once every connection is closed by the server after its answer */
    boolean allClosedByServer(Duration wait) throws IOException {
        for (Socket socket : sockets) {
            socket.setSoTimeout((int) wait.toMillis());
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // the rest of the answer
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                // closed too
            }
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        running = false;
        sender.interrupt();
        sender.join(5000);
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
