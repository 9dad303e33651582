package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Mi;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

/** mi_http_root moves the MI at runtime; a bad value is refused and the MI stays where it is. */
class RootMoveTest {
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":1}";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;

    @AfterEach
    void back() throws Exception {
        Mi.reset();
    }

    @Test
    void theRootMovesWithItsConfiguration() throws Exception {
        Httpd.port();
        TestCommands.echo(context);
        Mi.configure(Map.of("mi_http_root", "mgmt"));
        assertThat(Mi.post("/mgmt", CALL, null).statusCode()).isEqualTo(200);
        assertThat(Mi.post("/mgmt", CALL, null).body()).contains("\"result\"");
        assertThat(Mi.post("/mi", CALL, null).statusCode()).isEqualTo(404);
        Mi.reset();
        assertThat(Mi.post("/mi", CALL, null).body()).contains("\"result\"");
    }

    @Test
    void aBadRootIsRefusedWithALogLineAndTheMiStays() throws Exception {
        Httpd.port();
        TestCommands.echo(context);
        try (LogCapture capture = new LogCapture(logs)) {
            Mi.configure(Map.of("mi_http_root", "mi"));
            io.switchboard.itest.Configs.update(Mi.PID, Map.of("mi_http_root", "a/b"));
            assertThat(capture.await(java.time.Duration.ofSeconds(10), "switchboard.mi_http", "mi_http_root=a/b",
                    "previous configuration")).isNotNull();
        }
        assertThat(Mi.post("/mi", CALL, null).body()).contains("\"result\"");
    }
}
