package io.switchboard.itest.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Bundles;
import io.switchboard.itest.Examples;
import io.switchboard.itest.Httpd;
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
    void fiveUpdatesOfHttpdLoseNoRequest() throws Exception {
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        try (SwapLoad load = SwapLoad.start(8, Target.get("hello", port, "/hello/swap", "hello, swap\n"),
                Target.mi(port, "uptime"))) {
            load.repeat(5, httpd::update,
                    // update() returns once the new revision is active: its runtime is the one registered now.
                    () -> Httpd.await("(httpd.endpoint.port=" + port + ")", Duration.ofSeconds(30)));
            load.close();
            assertThat(load.failures()).isEmpty();
        }
        assertThat(httpd.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(hello.getState()).isEqualTo(Bundle.ACTIVE);
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
