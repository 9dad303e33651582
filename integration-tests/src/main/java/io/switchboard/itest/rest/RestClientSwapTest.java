package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.SwapLoad;
import io.switchboard.itest.SwapLoad.Target;
import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * restclient.bundle updated while calls are under way: they finish on the client they started with,
 * and a bundle holding the service gets the new one without being restarted.
 */
class RestClientSwapTest {
    /** The default curl_timeout: no call may end later than this after it was made. */
    private static final Duration CURL_TIMEOUT = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;
    @InjectService
    RestClientHolder holder;
    TestServer server;
    Bundle restclient;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        restclient = Bundles.named(context, "switchboard.restclient");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void callsUnderWayFinishOnTheClientTheyStartedWithOrFailWithMinusTen() throws Exception {
        RestClient old = holder.rest();
        List<CompletableFuture<RestResponse>> quick = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            quick.add(old.request("GET", server.url("/slow?ms=500")).sendAsync().toCompletableFuture());
        }
        // Longer than the update lets calls under way run.
        CompletableFuture<RestResponse> slow = old.request("GET", server.url("/slow?ms=15000")).sendAsync()
                .toCompletableFuture();
        Configs.await("21 calls at the server", Duration.ofSeconds(10), () -> server.inProgress.get() == 21);
        restclient.update();
        for (CompletableFuture<RestResponse> call : quick) {
            assertThat(call.get(CURL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).bodyText()).isEqualTo("slow");
        }
        Throwable cut = catchThrowable(() -> slow.get(CURL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(cut).isInstanceOf(ExecutionException.class).cause().isInstanceOf(RestException.class)
                .hasMessageContaining("stopped").hasMessageContaining("/slow?ms=15000");
        assertThat(((RestException) cut.getCause()).code()).isEqualTo(RestException.INTERNAL);
    }

    @Test
    void restCommandsOfTheMiAnswerEveryCallAcrossFiveUpdates() throws Exception {
        int port = Httpd.port();
        try (SwapLoad load = SwapLoad.start(8, Target.mi(port, "rest_get",
                "{\"url\":\"" + server.url("/slow?ms=1") + "\"}", "\"rc\":1"))) {
            load.repeat(5, restclient::update, () -> { });
            load.close();
            assertThat(load.failures()).isEmpty();
        }
    }

    @Test
    void aHolderGetsEachNewClientWithoutRestartingAndNoCallHangs() throws Exception {
        RestClientHolder before = holder;
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicLong answered = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> {
                while (running.get()) {
                    RestClient rest = holder.rest();
                    if (rest == null) {
                        Thread.onSpinWait(); // between the old service and the new one
                        continue;
                    }
                    long made = System.nanoTime();
                    try {
                        RestResponse response = rest.request("GET", server.url("/slow?ms=20")).sendAsync()
                                .toCompletableFuture().get(CURL_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
                        if (response.status() == 200 && response.bodyText().equals("slow")) {
                            answered.incrementAndGet();
                        } else {
                            failures.add(response.status() + " " + response.bodyText());
                        }
                    } catch (TimeoutException hung) {
                        failures.add("no outcome " + Duration.ofNanos(System.nanoTime() - made) + " after the call");
                    } catch (Exception | LinkageError failed) {
                        // A call made on the service object of a revision that stopped meanwhile may fail
                        // any way; the holder has the new object by then, and uses it from then on.
                        if (holder.rest() == rest) {
                            failures.add(String.valueOf(failed));
                        }
                    }
                }
            });
            caller.start();
            callers.add(caller);
        }
        try {
            for (int i = 0; i < 5; i++) {
                long now = answered.get();
                Configs.await("calls answered", Duration.ofSeconds(30), () -> answered.get() > now + 20);
                RestClient previous = holder.rest();
                restclient.update();
                Configs.await("the holder holds the new REST client", Duration.ofSeconds(30),
                        () -> holder.rest() != null && holder.rest() != previous);
            }
            long now = answered.get();
            Configs.await("calls answered by the last client", Duration.ofSeconds(30), () -> answered.get() > now + 20);
        } finally {
            running.set(false);
            for (Thread caller : callers) {
                caller.join(CURL_TIMEOUT.toMillis() + 5000);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(context.getService(context.getServiceReference(RestClientHolder.class))).isSameAs(before);
    }
}
