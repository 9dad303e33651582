package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;

/** httpd started with a refused configuration serves nothing, then starts on the first valid one. */
class FirstConfigurationTest {
    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;

    @Test
    void aRefusedFirstConfigurationWaitsForAValidOne() throws Exception {
        int port = Httpd.port();
        Handlers.register(context, "first", Handlers.echo("first"));
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        httpd.stop();
        try (LogCapture capture = new LogCapture(logs)) {
            Httpd.update(Map.of("ip", "127.0.0.1", "port", "80"));
            httpd.start();
            capture.await(Duration.ofSeconds(10), "switchboard.httpd", "port=80", "serves nothing");
            assertThat(context.getServiceReference(HttpdRuntime.class)).isNull();
            Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
            assertThat(Loopback.get(port, "/first").body()).startsWith("first|");
        } finally {
            if (httpd.getState() != Bundle.ACTIVE) {
                httpd.start();
            }
            Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        }
    }

}
