package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.switchboard.app.ClientLoop.Sample;

/**
 * Two containers behind Debian's nginx, an upstream with both and {@code proxy_next_upstream error
 * timeout http_503}, under a client loop. Each in turn is drained through its health hold (the
 * {@link HealthWatcher} takes it out of nginx's upstream when {@code /health} answers 503), has a
 * bundle updated through the MI ({@code bundle_update}: httpd on the first, the handlers the loop asks
 * on the second), and is released back into the upstream. nginx serves every request of the loop,
 * and no request reaches an instance while it is drained.
 */
class LoadBalancerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Far more than the scenario takes; a bound, so that the loop can never run away. */
    private static final int MAX_REQUESTS = 1_000_000;
    private static final int SIZE = 16;
    /** What /download/16 answers: byte i is i % 251. */
    private static final byte[] BODY = new byte[SIZE];
    /** nginx proxies to the upstream, tries the other instance on an error, a timeout or a 503, and says who answered. */
    private static final String LOCATION = """
                        proxy_pass http://switchboard;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_next_upstream error timeout http_503;
                        add_header X-Upstream $upstream_addr always;
            """;

    static {
        for (int i = 0; i < SIZE; i++) {
            BODY[i] = (byte) (i % 251);
        }
    }

    /** The time an instance was out of nginx's upstream, from nginx's reload to its release. */
    private record Drain(long from, long to) {
        boolean covers(Sample sample) {
            return sample.started() >= from && sample.started() <= to;
        }
    }

    /** What the MI changes on a drained instance. */
    private interface Update {
        void on(Container container) throws Exception;
    }

    @Test
    void drainingEachInstanceThroughItsHoldForAnUpdateLosesNoRequest() throws Exception {
        List<Container> containers = startBoth();
        try (Container first = containers.get(0); Container second = containers.get(1)) {
            List<Integer> ports = List.of(first.httpdPort, second.httpdPort);
            try (Nginx nginx = Nginx.start(HealthWatcher.upstream(ports, Set.copyOf(ports)), LOCATION);
                    HealthWatcher watcher = new HealthWatcher(nginx, ports);
                    ClientLoop loop = new ClientLoop(nginx.uri("/download/" + SIZE), BODY, MAX_REQUESTS)) {
                long start = System.nanoTime();
                loop.awaitServedBy(first.httpdPort, start, WAIT);
                loop.awaitServedBy(second.httpdPort, start, WAIT);

                Drain firstDrain = drainAndUpdate(first, second, watcher, loop, LoadBalancerTest::updateHttpd);
                Drain secondDrain = drainAndUpdate(second, first, watcher, loop, LoadBalancerTest::updateHandlers);
                loop.close();

                List<Sample> samples = loop.samples();
                assertThat(samples).hasSizeLessThan(MAX_REQUESTS);
                assertThat(samples).filteredOn(sample -> !sample.ok())
                        .as("requests nginx did not serve, of %d", samples.size()).isEmpty();
                assertThat(samples).filteredOn(firstDrain::covers).isNotEmpty()
                        .allMatch(sample -> sample.upstream().equals("127.0.0.1:" + second.httpdPort));
                assertThat(samples).filteredOn(secondDrain::covers).isNotEmpty()
                        .allMatch(sample -> sample.upstream().equals("127.0.0.1:" + first.httpdPort));
            } catch (Exception | AssertionError failed) {
                failed.addSuppressed(new AssertionError("consoles:\n" + first.console() + "\n" + second.console()));
                throw failed;
            }
        }
    }

    /**
     * Holds {@code drained}, waits until nginx sends it nothing, updates it, releases it, and waits
     * until it serves again.
     */
    private static Drain drainAndUpdate(Container drained, Container other, HealthWatcher watcher, ClientLoop loop,
            Update update) throws Exception {
        assertThat(drained.mi("health_hold", "{\"seconds\":120,\"reason\":\"update\"}"))
                .contains("\"reason\":\"update\"");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(drained.uri("/health"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"overallResult\":\"TEMPORARILY_UNAVAILABLE\"").contains("): update\"");
        watcher.awaitRotation(Set.of(other.httpdPort), WAIT);
        long from = System.nanoTime();
        update.on(drained);
        long to = System.nanoTime();
        assertThat(drained.mi("health_release", "{}")).contains("\"released\":{");
        watcher.awaitRotation(Set.of(drained.httpdPort, other.httpdPort), WAIT);
        loop.awaitServedBy(drained.httpdPort, System.nanoTime(), WAIT);
        return new Drain(from, to);
    }

    /** httpd answers before it is updated (the MI's own request passes through it): the new one says it is configured. */
    private static void updateHttpd(Container container) throws Exception {
        long before = configuredLines(container);
        assertThat(container.mi("bundle_update", "{\"bundle\":\"switchboard.httpd\"}")).contains("\"status\":\"started\"");
        Facts.await("the new httpd configured", WAIT, () -> configuredLines(container) == before + 1);
    }

    private static long configuredLines(Container container) throws Exception {
        return container.console().lines().filter(line -> line.contains("httpd configured for")).count();
    }

    private static void updateHandlers(Container container) throws Exception {
        assertThat(container.mi("bundle_update", "{\"bundle\":\"switchboard.app-tests\"}"))
                .contains("\"status\":\"done\"");
    }

    /** Starts both containers side by side, each with the tests' handlers; neither is left running on a failure. */
    private static List<Container> startBoth() throws Exception {
        List<CompletableFuture<Container>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Container.builder().withTestHandlers().start();
                } catch (Exception failed) {
                    throw new CompletionException(failed);
                }
            }));
        }
        List<Container> started = new ArrayList<>();
        Exception failure = null;
        for (CompletableFuture<Container> container : starting) {
            try {
                started.add(container.join());
            } catch (CompletionException failed) {
                failure = failed;
            }
        }
        if (failure != null) {
            for (Container container : started) {
                container.close();
            }
            throw failure;
        }
        return started;
    }
}
