package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Examples;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** httpd.bundle updated under a running handler bundle: the handler stays up and answers again. */
class HotSwapTest {
    @InjectBundleContext
    BundleContext context;
    int port;
    Bundle hello;

    @BeforeEach
    void installHello() throws Exception {
        port = Httpd.port();
        try (InputStream in = Files.newInputStream(Examples.helloJar())) {
            hello = context.installBundle("hotswap:hello", in);
        }
        hello.start();
    }

    @AfterEach
    void uninstallHello() throws Exception {
        hello.uninstall();
    }

    @Test
    void updatingHttpdLeavesTheHandlerBundleActiveAndItsRootAnswersAgain() throws Exception {
        assertThat(Loopback.get(port, "/hello/before").body()).isEqualTo("hello, before\n");
        List<String> helloEvents = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = event -> {
            if (event.getBundle().equals(hello)) {
                helloEvents.add(Integer.toString(event.getType()));
            }
        };
        context.addBundleListener(listener);
        try {
            Bundle httpd = Bundles.named(context, "switchboard.httpd");
            httpd.update();
            assertThat(httpd.getState()).isEqualTo(Bundle.ACTIVE);
            // update() unregistered the old revision's runtime: this one is the new revision's.
            Httpd.await("(httpd.endpoint.port=" + port + ")", Duration.ofSeconds(30));
            assertThat(Loopback.get(port, "/hello/after").body()).isEqualTo("hello, after\n");
        } finally {
            context.removeBundleListener(listener);
        }
        assertThat(hello.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(helloEvents).as("bundle events of the handler bundle").isEmpty();
    }

}
