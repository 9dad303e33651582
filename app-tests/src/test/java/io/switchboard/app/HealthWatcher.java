package io.switchboard.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The active health check nginx OSS lacks (nginx Plus has {@code health_check}, HAProxy
 * {@code option httpchk}): asks each instance's {@code GET /health} every 100 ms, and when the set
 * answering 200 changes, writes the upstream with the others marked {@code down} and reloads nginx.
 * As load balancers do, it never takes the last instance out. It reloads on its own thread, so a
 * reload never waits for a test.
 */
final class HealthWatcher implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final Nginx nginx;
    private final List<Integer> ports;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "health watcher"));
    /** The instances nginx sends requests to, once its reload ended the workers of the previous upstream. */
    private volatile Set<Integer> inRotation;
    private volatile Throwable failure;

    /** @param ports the httpd ports of the instances, all in rotation at first */
    HealthWatcher(Nginx nginx, List<Integer> ports) {
        this.nginx = nginx;
        this.ports = List.copyOf(ports);
        this.inRotation = Set.copyOf(ports);
        thread.scheduleWithFixedDelay(this::look, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the upstream nginx starts with: every instance in rotation */
    static String upstream(List<Integer> ports, Set<Integer> healthy) {
        StringBuilder upstream = new StringBuilder();
        for (int port : ports) {
            upstream.append("server 127.0.0.1:").append(port).append(healthy.contains(port) ? "" : " down")
                    .append(";\n");
        }
        // Connections to the instances are kept open between requests, as in production.
        return upstream.append("keepalive 8;\n").toString();
    }

    private void look() {
        try {
            Set<Integer> healthy = new LinkedHashSet<>();
            for (int port : ports) {
                if (healthy(port)) {
                    healthy.add(port);
                }
            }
            if (!healthy.isEmpty() && !healthy.equals(inRotation)) {
                nginx.reload(upstream(ports, healthy));
                inRotation = Set.copyOf(healthy);
            }
        } catch (Exception | AssertionError failed) {
            failure = failed;
        }
    }

    private boolean healthy(int port) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception down) {
            return false;
        }
    }

    /** Waits until nginx sends requests to {@code expected} and to no other instance. */
    void awaitRotation(Set<Integer> expected, Duration timeout) throws Exception {
        Facts.await("nginx sending requests to " + expected + " only", timeout, () -> {
            if (failure != null) {
                throw new AssertionError("the health watcher failed", failure);
            }
            return inRotation.equals(expected);
        });
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
