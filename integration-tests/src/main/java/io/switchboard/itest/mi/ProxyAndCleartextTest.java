package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;

/**
 * Trust that does not travel: a request through a reverse proxy is not a local one, and a password is
 * not taken over plain HTTP from another host. {@code local_clients=127.0.0.1} makes 127.0.0.2 such a
 * host, as every address a test can use is loopback. Refusals are logged a few times a minute per
 * client, however many there are.
 */
class ProxyAndCleartextTest {
    private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":1}";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    CommandProcessor shell;
    @InjectService
    LogReaderService logs;

    @BeforeEach
    void serve() throws Exception {
        Httpd.port();
        Mi.reset();
        TestCommands.echo(context);
    }

    @AfterEach
    void anOrdinaryCallIsServed() throws Exception {
        Mi.reset();
        assertThat(Mi.call(ECHO).path("result").path("a").asText()).isEqualTo("x");
    }

    @Test
    void withoutUsersAProxiedRequestIsRefusedWhateverItsAddress() throws Exception {
        try (LogCapture capture = new LogCapture(logs)) {
            String[][] proxies = { { "127.0.0.21", "X-Forwarded-For", "203.0.113.9" },
                    { "127.0.0.22", "Forwarded", "for=203.0.113.9;proto=https" }, { "127.0.0.23", "X-Real-IP", "203.0.113.9" },
                    { "127.0.0.24", "Via", "1.1 nginx" } };
            for (String[] proxy : proxies) {
                String answer = Mi.rawFrom(proxy[0], post(ECHO, proxy[1] + ": " + proxy[2]));
                assertThat(Loopback.status(answer)).as(proxy[1]).isEqualTo(403);
                assertThat(answer).contains("came through a proxy (" + proxy[1] + " header)");
                capture.await(Duration.ofSeconds(10), "mi_http: refused", proxy[0], proxy[1], "configure users");
            }
        }
        assertThat(Loopback.status(Mi.rawFrom("127.0.0.21", post(ECHO, "X-Test: plain")))).isEqualTo(200);
    }

    @Test
    void aPasswordOverPlainHttpFromAnotherHostIsRefusedUnlessAllowed() throws Exception {
        String users = "alice:admin:" + Passwords.hash(shell, "s3cret-A");
        Mi.configure(Map.of("users", users, "local_clients", "127.0.0.1"));
        try (LogCapture capture = new LogCapture(logs)) {
            String remote = Mi.rawFrom("127.0.0.25", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")));
            assertThat(Loopback.status(remote)).isEqualTo(403);
            assertThat(remote).contains("over HTTPS only").doesNotContain("WWW-Authenticate");
            capture.await(Duration.ofSeconds(10), "mi_http: refused", "127.0.0.25", "https=true in switchboard.httpd",
                    "allow_cleartext_auth=true in switchboard.mi_http");
        }
        assertThat(Loopback.status(Mi.rawFrom("127.0.0.25", Mi.rawPost(ECHO, null)))).as("no challenge either")
                .isEqualTo(403);
        assertThat(Mi.rawFrom("127.0.0.1", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")))).as("a local client may")
                .startsWith("HTTP/1.1 200");
        Mi.configure(Map.of("users", users, "local_clients", "127.0.0.1", "allow_cleartext_auth", true));
        assertThat(Mi.rawFrom("127.0.0.25", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")))).as("allowed")
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void withoutUsersAClientOutsideLocalClientsIsRefused() throws Exception {
        Mi.configure(Map.of("local_clients", "127.0.0.1"));
        String answer = Mi.rawFrom("127.0.0.26", Mi.rawPost(ECHO, null));
        assertThat(Loopback.status(answer)).isEqualTo(403);
        assertThat(answer).contains("local clients only");
        assertThat(Mi.rawFrom("127.0.0.1", Mi.rawPost(ECHO, null))).startsWith("HTTP/1.1 200");
    }

    @Test
    void refusalsOfOneClientAreLoggedAFewTimesAMinute() throws Exception {
        try (RefusalCount flood = new RefusalCount(logs, "mi_http: refused", "127.0.0.27");
                LogCapture capture = new LogCapture(logs)) {
            for (int i = 0; i < 30; i++) {
                assertThat(Loopback.status(Mi.rawFrom("127.0.0.27", post(ECHO, "Via: 1.1 flood")))).isEqualTo(403);
            }
            assertThat(Loopback.status(Mi.rawFrom("127.0.0.28", post(ECHO, "Via: 1.1 other")))).isEqualTo(403);
            capture.await(Duration.ofSeconds(10), "mi_http: refused", "127.0.0.28", "Via");
            assertThat(flood.lines()).as("refusal lines of 127.0.0.27").isBetween(1, 5);
        }
    }

    /** @return a JSON-RPC POST with one more header */
    private static String post(String body, String header) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n" + header
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body;
    }
}
