package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** Handlers that fail or leave: the client gets a clear answer and the server serves on. */
class FailureTest {
    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @Test
    void aHandlerThatThrowsGives500AndTheNextRequestSucceeds() throws Exception {
        boolean[] fail = { true };
        Handlers.register(context, "flaky", (request, response) -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("boom");
            }
            response.send(200, "text/plain", "fine");
        });
        assertThat(Loopback.get(port, "/flaky").statusCode()).isEqualTo(500);
        HttpResponse<String> next = Loopback.get(port, "/flaky");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("fine");
    }

    @Test
    void aRequestInFlightFinishesWhenItsHandlerIsUnregistered() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServiceRegistration<RootHandler> registration = Handlers.register(context, "leaving", (request, response) -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            response.send(200, "text/plain", "finished");
        });
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return Loopback.get(port, "/leaving");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        registration.unregister();
        release.countDown();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThat(Loopback.get(port, "/leaving").statusCode()).isEqualTo(404);
    }

    @Test
    void aDeferredResponseIsAnswered503WhenItsHandlerIsUnregistered() throws Exception {
        CountDownLatch deferred = new CountDownLatch(1);
        ServiceRegistration<RootHandler> registration = Handlers.register(context, "abandoned", (request, response) -> {
            response.defer();
            deferred.countDown();
        });
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return Loopback.get(port, "/abandoned");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(deferred.await(10, TimeUnit.SECONDS)).isTrue();
        registration.unregister();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("went away");
    }
}
