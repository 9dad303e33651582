package io.switchboard.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One client sending {@code GET} after {@code GET} to a URI on one kept-alive connection (JDK
 * HttpClient, HTTP/1.1), as long as told and never more than a bounded count, and noting for each
 * request when it started, who served it (nginx's {@code X-Upstream}), its status and whether its
 * body is the one expected; or the exception it ended with.
 */
final class ClientLoop implements AutoCloseable {
    /** One request: its start ({@link System#nanoTime}), and its answer or its failure. */
    record Sample(long started, int status, String upstream, boolean bodyAsExpected, Exception failure) {
        boolean ok() {
            return failure == null && status == 200 && bodyAsExpected;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final byte[] expected;
    private final int maxRequests;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    ClientLoop(URI uri, byte[] expected, int maxRequests) {
        this.uri = uri;
        this.expected = expected;
        this.maxRequests = maxRequests;
        this.thread = new Thread(this::run, "client loop");
        thread.start();
    }

    private void run() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        for (int sent = 0; sent < maxRequests && !stopping; sent++) {
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                samples.add(new Sample(started, response.statusCode(),
                        response.headers().firstValue("X-Upstream").orElse(""),
                        Arrays.equals(response.body(), expected), null));
            } catch (InterruptedException interrupted) {
                return;
            } catch (Exception failed) {
                samples.add(new Sample(started, 0, "", false, failed));
            }
        }
    }

    /** @return every request so far, in the order sent */
    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** Waits until a request that started after {@code since} was served by the instance on {@code port}. */
    void awaitServedBy(int port, long since, Duration timeout) throws Exception {
        Facts.await("a request served by 127.0.0.1:" + port, timeout, () -> {
            if (!thread.isAlive()) {
                throw new AssertionError("the client loop ended after " + samples.size() + " requests");
            }
            return samples.stream().anyMatch(sample -> sample.started() > since
                    && sample.upstream().equals("127.0.0.1:" + port));
        });
    }

    /** Stops after the request under way. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(30_000);
    }
}
