package io.switchboard.itest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Clients that keep sending while a bundle is swapped under them, and count every answer that is not
 * the normal one: a refused or reset connection, a connection closed before its response, an
 * unexpected status or body. Half of them keep their connection alive (reconnecting only when the
 * server says {@code Connection: close}), half open a new connection per request. Plain sockets, so
 * that no client library retries a failure away.
 */
public final class SwapLoad implements AutoCloseable {

    /** One kind of request and what its normal answer is. */
    public record Target(String name, int port, String method, String path, Map<String, String> headers, String body,
            Predicate<Answer> normal) {

        public static Target get(String name, int port, String path, String expectedBody) {
            return new Target(name, port, "GET", path, Map.of(), "",
                    answer -> answer.status() == 200 && answer.body().equals(expectedBody));
        }

        /** A JSON-RPC call to the MI whose answer must carry a result. */
        public static Target mi(int port, String method) {
            return mi(port, method, "{}", "\"result\"");
        }

        /** A JSON-RPC call to the MI with {@code params} (JSON) whose answer must contain {@code expected}. */
        public static Target mi(int port, String method, String params, String expected) {
            return new Target("mi " + method, port, "POST", "/mi", Map.of("Content-Type", "application/json"),
                    "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}",
                    answer -> answer.status() == 200 && answer.body().contains(expected));
        }

        byte[] request(boolean keepAlive) {
            StringBuilder text = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.forEach((key, value) -> text.append(key).append(": ").append(value).append("\r\n"));
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            if (content.length > 0) {
                text.append("Content-Length: ").append(content.length).append("\r\n");
            }
            if (!keepAlive) {
                text.append("Connection: close\r\n");
            }
            return (text.append("\r\n") + body).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A response as read off the wire. */
    public record Answer(int status, Map<String, String> headers, String body) {
        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    private final List<Target> targets;
    private final List<Thread> clients = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong normal = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private volatile boolean running = true;

    private SwapLoad(List<Target> targets) {
        this.targets = targets;
    }

    /** Starts {@code clients} clients, each going round {@code targets}. */
    public static SwapLoad start(int clients, Target... targets) {
        SwapLoad load = new SwapLoad(List.of(targets));
        for (int i = 0; i < clients; i++) {
            boolean keepAlive = i % 2 == 0;
            int first = i;
            Thread client = new Thread(() -> load.run(keepAlive, first), "swap-load-" + i);
            client.setDaemon(true);
            load.clients.add(client);
            client.start();
        }
        return load;
    }

    /** @return normal answers so far */
    public long normal() {
        return normal.get();
    }

    /** @return how many times a kept-alive connection was closed by the server with {@code Connection: close} */
    public long closedByServer() {
        return closedByServer.get();
    }

    /** @return every answer that was not the normal one, described */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Something done to the runtime between requests: an update, or a wait for its effect. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code swap} {@code times} times under this load: each time the load first makes progress,
     * then {@code swap} runs, then {@code settled} waits for its effect.
     */
    public void repeat(int times, Step swap, Step settled) throws Exception {
        for (int i = 0; i < times; i++) {
            awaitProgress(50, Duration.ofSeconds(30));
            swap.run();
            settled.run();
        }
        awaitProgress(50, Duration.ofSeconds(30));
    }

    /** Waits until {@code count} more normal answers came than now: the load goes on. */
    public void awaitProgress(long count, Duration timeout) throws Exception {
        long target = normal.get() + count;
        Configs.await(count + " more normal answers (failures: " + failures + ")", timeout,
                () -> normal.get() >= target);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(30_000);
        }
    }

    private void run(boolean keepAlive, int first) {
        Connection connection = null;
        int next = first;
        while (running) {
            Target target = targets.get(next++ % targets.size());
            try {
                if (connection == null || connection.port() != target.port()) {
                    close(connection);
                    connection = new Connection(target.port());
                }
                Answer answer = connection.exchange(target, keepAlive);
                if (target.normal().test(answer)) {
                    normal.incrementAndGet();
                } else {
                    failures.add(target.name() + ": " + answer.status() + " " + abbreviate(answer.body()));
                }
                if (keepAlive && answer.closes()) {
                    closedByServer.incrementAndGet();
                }
                if (!keepAlive || answer.closes()) {
                    close(connection);
                    connection = null;
                }
            } catch (IOException | RuntimeException failed) {
                failures.add(target.name() + " (" + (keepAlive ? "keep-alive" : "new connection") + "): " + failed);
                close(connection);
                connection = null;
            }
        }
        close(connection);
    }

    /** One connection to 127.0.0.1 and what was read of it. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
        }

        int port() {
            return socket.getPort();
        }

        Answer exchange(Target target, boolean keepAlive) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(target.request(keepAlive));
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed before the response");
            }
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunked();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                // A response without a length ends with its connection.
                body = in.readAllBytes();
            }
            return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        /** @return one line without its CR LF; {@code null} at the end of the stream before any byte */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n';) {
                if (c < 0) {
                    if (line.length() == 0) {
                        return null;
                    }
                    throw new IOException("connection closed within a line");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = line(); size != null && Integer.parseInt(size.trim(), 16) > 0; size = line()) {
                body.write(in.readNBytes(Integer.parseInt(size.trim(), 16)));
                line();
            }
            line();
            return body.toByteArray();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // a socket that cannot close is gone either way
            }
        }
    }
}
