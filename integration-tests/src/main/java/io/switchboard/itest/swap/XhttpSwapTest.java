package io.switchboard.itest.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Examples;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.SwapLoad;
import io.switchboard.itest.SwapLoad.Target;

/**
 * Updates of xhttp under load on both of its routes: the fallback on httpd's port and microhttpd's
 * own listener, whose socket stays open across the update.
 */
class XhttpSwapTest {
    @InjectBundleContext
    BundleContext context;
    Bundle example;
    int microPort;

    @BeforeEach
    void installTheExampleHandler() throws Exception {
        try (InputStream in = Files.newInputStream(Examples.xhttpJar())) {
            example = context.installBundle("swap:xhttp-example", in);
        }
        example.start();
        microPort = Loopback.freePort();
        Configs.update("switchboard.microhttpd", Map.of("listen_addr", "127.0.0.1", "listen_port",
                Integer.toString(microPort)));
        Configs.await("microhttpd on port " + microPort, Duration.ofSeconds(10),
                () -> Loopback.get(microPort, "/x").body().equals("hello"));
    }

    @AfterEach
    void uninstall() throws Exception {
        example.uninstall();
    }

    @Test
    void fiveUpdatesOfXhttpLoseNoRequestOnEitherRoute() throws Exception {
        int port = Httpd.port();
        Bundle xhttp = Bundles.named(context, "switchboard.xhttp");
        // One load per port: a client keeps its connection only while it stays on one port.
        try (SwapLoad fallback = SwapLoad.start(8, Target.get("xhttp fallback", port, "/no-such-root", "hello"));
                SwapLoad micro = SwapLoad.start(8, Target.get("microhttpd", microPort, "/x", "hello"))) {
            micro.repeat(5, xhttp::update, () -> fallback.awaitProgress(50, Duration.ofSeconds(30)));
            fallback.close();
            micro.close();
            assertThat(fallback.failures()).isEmpty();
            assertThat(micro.failures()).isEmpty();
            // The old listener answered kept-alive connections once more, asking them to close.
            assertThat(micro.closedByServer()).isPositive();
        }
    }
}
