package io.switchboard.itest.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.mi.MiStatistics;

/** swap_hold: how long requests wait for a root's next handler, and for httpd itself. */
class SwapHoldTest {
    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @AfterEach
    void restore() throws Exception {
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        if (httpd.getState() != Bundle.ACTIVE) {
            httpd.start();
        }
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void aRequestForARootWhoseHandlerLeftWaitsForItsNextHandler() throws Exception {
        ServiceRegistration<RootHandler> first = Handlers.register(context, "held", Handlers.echo("first"));
        assertThat(Loopback.get(port, "/held/a").body()).isEqualTo("first|held|/a|");
        long held = counter("httpd", "held_held");
        first.unregister();
        CompletableFuture<HttpResponse<String>> waiting = send("/held/b");
        Configs.await("the request waiting for root held", Duration.ofSeconds(10), () -> counter("httpd", "held_held") > held);
        Handlers.register(context, "held", Handlers.echo("second"));
        assertThat(waiting.get().body()).isEqualTo("second|held|/b|");
    }

    @Test
    void aRootRemovedForGoodAnswers404OnceTheHoldHasPassed() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "2000"));
        Handlers.register(context, "gone", Handlers.echo("gone")).unregister();
        long held = counter("httpd", "gone_held");
        assertThat(Loopback.get(port, "/gone/a").statusCode()).isEqualTo(404);
        assertThat(counter("httpd", "gone_held")).isEqualTo(held + 1);
        // The hold has passed: the next request is not held.
        assertThat(Loopback.get(port, "/gone/b").statusCode()).isEqualTo(404);
        assertThat(counter("httpd", "gone_held")).isEqualTo(held + 1);
    }

    @Test
    void withSwapHoldZeroARemovedRootAnswers404AtOnce() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "0"));
        Handlers.register(context, "nohold", Handlers.echo("nohold")).unregister();
        long held = counter("httpd", "nohold_held");
        assertThat(Loopback.get(port, "/nohold/a").statusCode()).isEqualTo(404);
        assertThat(counter("httpd", "nohold_held")).isEqualTo(held);
    }

    @Test
    void whileHttpdIsAwayARequestWaitsForTheNextHttpd() throws Exception {
        Handlers.register(context, "back", Handlers.echo("back"));
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        long held = counter("anchor", "held");
        httpd.stop();
        CompletableFuture<HttpResponse<String>> waiting = send("/back/b");
        Configs.await("the request held by the anchor", Duration.ofSeconds(10), () -> counter("anchor", "held") > held);
        httpd.start();
        assertThat(waiting.get().body()).isEqualTo("back|back|/b|");
    }

    @Test
    void whenHttpdStaysAwayARequestGets503WithRetryAfterOnceTheHoldHasPassed() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "500"));
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        long unavailable = counter("anchor", "unavailable");
        httpd.stop();
        String refused = Loopback.raw(port, "GET /back/a HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(Loopback.status(refused)).isEqualTo(503);
        assertThat(refused).containsIgnoringCase("Retry-After: 1");
        assertThat(counter("anchor", "unavailable")).isEqualTo(unavailable + 1);
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return Loopback.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the counter {@code name} of the statistics group {@code group} */
    private long counter(String group, String name) throws Exception {
        var statistics = context.getServiceReferences(MiStatistics.class, "(" + MiStatistics.GROUP + "=" + group + ")");
        return statistics.stream().mapToLong(reference -> {
            Long value = context.getService(reference).values().get(name);
            context.ungetService(reference);
            return value == null ? 0 : value;
        }).sum();
    }
}
