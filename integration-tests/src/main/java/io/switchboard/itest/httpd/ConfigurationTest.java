package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;

/** switchboard.httpd changed while the server runs: good values apply, bad ones change nothing. */
class ConfigurationTest {
    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Handlers.register(context, "cfg", Handlers.echo("cfg"));
    }

    @AfterEach
    void restore() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
    }

    @Test
    void thePortMovesLive() throws Exception {
        int moved = Loopback.freePort();
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(moved)));
        assertThat(Loopback.get(moved, "/cfg").body()).startsWith("cfg|");
        assertThatThrownBy(() -> Loopback.get(port, "/cfg")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPrivilegedPortIsRefusedAndTheListenerStays() throws Exception {
        assertRefused(Map.of("ip", "127.0.0.1", "port", "80"), "port=80", "1024-65535");
    }

    @Test
    void aValueThatIsNotANumberIsRefused() throws Exception {
        assertRefused(Map.of("ip", "127.0.0.1", "port", "eighty"), "port=eighty", "1024-65535");
    }

    @Test
    void aTooSmallPostBufferIsRefused() throws Exception {
        assertRefused(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "post_buf_size", "100"),
                "post_buf_size=100", "256");
    }

    @Test
    void aPortAnotherProgramHoldsIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertRefused(Map.of("ip", "127.0.0.1", "port", Integer.toString(taken.getLocalPort())),
                    "port=" + taken.getLocalPort(), "must be free to bind");
        }
    }

    private void assertRefused(Map<String, String> configuration, String keyAndValue, String rule) throws Exception {
        try (LogCapture capture = new LogCapture(logs)) {
            Httpd.update(configuration);
            String line = capture.await(Duration.ofSeconds(10), "switchboard.httpd", keyAndValue, rule);
            assertThat(line).startsWith("ERROR");
        }
        assertThat(Loopback.get(port, "/cfg").body()).startsWith("cfg|");
    }
}
