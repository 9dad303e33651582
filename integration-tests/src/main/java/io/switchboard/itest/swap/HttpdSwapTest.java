package io.switchboard.itest.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Examples;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.SwapLoad;
import io.switchboard.itest.SwapLoad.Target;

/** Updates of httpd and of a handler bundle under load: every request gets its normal answer. */
class HttpdSwapTest {
    @InjectBundleContext
    BundleContext context;
    int port;
    Bundle hello;

    @BeforeEach
    void installHello() throws Exception {
        port = Httpd.port();
        try (InputStream in = Files.newInputStream(Examples.helloJar())) {
            hello = context.installBundle("swap:hello", in);
        }
        hello.start();
    }

    @AfterEach
    void uninstallHello() throws Exception {
        hello.uninstall();
    }

    @Test
    void fiveUpdatesOfHttpdLoseNoRequestAndLeaveTheHandlerBundleAlone() throws Exception {
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        List<Integer> helloEvents = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = event -> {
            if (event.getBundle().equals(hello)) {
                helloEvents.add(event.getType());
            }
        };
        context.addBundleListener(listener);
        try (SwapLoad load = SwapLoad.start(8, Target.get("hello", port, "/hello/swap", "hello, swap\n"),
                Target.mi(port, "uptime"))) {
            load.repeat(5, httpd::update,
                    // update() returns once the new revision is active: its runtime is the one registered now.
                    () -> Httpd.await("(httpd.endpoint.port=" + port + ")", Duration.ofSeconds(30)));
            load.close();
            assertThat(load.failures()).isEmpty();
        } finally {
            context.removeBundleListener(listener);
        }
        assertThat(httpd.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(hello.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(helloEvents).as("bundle events of the handler bundle").isEmpty();
    }

    @Test
    void aDeferredResponseOpenWhileHttpdIsUpdatedIsCompletedByItsHandler() throws Exception {
        // A long hold: the update waits half of it for the response, which this test completes meanwhile.
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "20000"));
        CompletableFuture<HttpdResponse> deferred = new CompletableFuture<>();
        ServiceRegistration<RootHandler> later = deferring("later", deferred);
        try {
            CompletableFuture<HttpResponse<String>> answer = send("/later");
            HttpdResponse response = deferred.get(10, TimeUnit.SECONDS);
            Bundle httpd = Bundles.named(context, "switchboard.httpd");
            CompletableFuture<Void> updated = CompletableFuture.runAsync(() -> {
                try {
                    httpd.update();
                } catch (BundleException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            Configs.await("httpd stopping, waiting for the response", Duration.ofSeconds(10),
                    () -> httpd.getState() == Bundle.STOPPING);
            response.send(200, "text/plain", "later");
            updated.get(30, TimeUnit.SECONDS);
            assertThat(answer.get(30, TimeUnit.SECONDS).body()).isEqualTo("later");
        } finally {
            later.unregister();
            Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        }
    }

    @Test
    void aDeferredResponseStillOpenHalfTheHoldIntoAnUpdateOfHttpdIsAnswered503() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "1000"));
        CompletableFuture<HttpdResponse> deferred = new CompletableFuture<>();
        ServiceRegistration<RootHandler> never = deferring("never", deferred);
        try {
            CompletableFuture<HttpResponse<String>> answer = send("/never");
            deferred.get(10, TimeUnit.SECONDS);
            Bundles.named(context, "switchboard.httpd").update();
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        } finally {
            never.unregister();
            Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        }
    }

    /** A root whose handler defers every response and gives it to {@code deferred}, for the test to complete. */
    private ServiceRegistration<RootHandler> deferring(String root, CompletableFuture<HttpdResponse> deferred) {
        return Handlers.register(context, root, (request, response) -> {
            response.defer();
            deferred.complete(response);
        });
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return Loopback.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fiveUpdatesOfAHandlerBundleLoseNoRequest() throws Exception {
        try (SwapLoad load = SwapLoad.start(8, Target.get("hello", port, "/hello/swap", "hello, swap\n"))) {
            load.repeat(5, () -> {
                try (InputStream in = Files.newInputStream(Examples.helloJar())) {
                    hello.update(in);
                }
            }, () -> { });
            load.close();
            assertThat(load.failures()).isEmpty();
        }
    }
}
