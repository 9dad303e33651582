package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Mi;

/**
 * Who gets in: loopback clients while no users exist; with users, only authenticated requests, and
 * admin-only commands only for admins. 127.0.0.2 plays the client from elsewhere; tests that wait on
 * a log line use addresses of their own, as refusal lines are limited per client address.
 */
class AccessTest {
    private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":1}";
    private static final String ADMIN = "{\"jsonrpc\":\"2.0\",\"method\":\"test_admin\",\"id\":1}";

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
        TestCommands.adminOnly(context);
    }

    @AfterEach
    void noUsers() throws Exception {
        Mi.reset();
    }

    @Test
    void withoutUsersEveryLoopbackClientHasEveryRight() throws Exception {
        String answer = Mi.rawFrom("127.0.0.2", Mi.rawPost(ADMIN, null));
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"result\":\"done\"");
    }

    @Test
    void withUsersEveryRequestAuthenticates() throws Exception {
        configureUsers();
        String anonymous = Mi.rawFrom("127.0.0.2", Mi.rawPost(ECHO, null));
        assertThat(anonymous).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Basic realm=\"Switchboard MI\"");
        assertThat(Mi.post("/mi", ECHO, null).statusCode()).as("loopback is no exception once users exist")
                .isEqualTo(401);
        String alice = Mi.rawFrom("127.0.0.2", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")));
        assertThat(alice).startsWith("HTTP/1.1 200").contains("\"a\":\"x\"");
    }

    @Test
    void theWebPageIsServedAfterALoginCheckedOffTheServerThreads() throws Exception {
        configureUsers();
        String get = "GET /mi/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "
                + Mi.basic("bob", "s3cret-B") + "\r\n\r\n";
        String first = Mi.rawFrom("127.0.0.2", get);
        assertThat(first).startsWith("HTTP/1.1 200").contains("as bob").contains("test_echo").contains("</html>");
        assertThat(Mi.rawFrom("127.0.0.2", get)).as("remembered").startsWith("HTTP/1.1 200").contains("as bob");
    }

    @Test
    void aWrongPasswordIsRefusedLoggedAndSlowedDown() throws Exception {
        configureUsers();
        try (LogCapture capture = new LogCapture(logs)) {
            String first = Mi.rawFrom("127.0.0.11", Mi.rawPost(ECHO, Mi.basic("alice", "wrong")));
            assertThat(first).startsWith("HTTP/1.1 401");
            capture.await(Duration.ofSeconds(5), "login of user 'alice'", "127.0.0.11", "failed");
            long start = System.nanoTime();
            String second = Mi.rawFrom("127.0.0.11", Mi.rawPost(ECHO, Mi.basic("nobody", "wrong")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(second).startsWith("HTTP/1.1 401");
            assertThat(millis).as("the second failure in a row is held back 500 ms").isGreaterThanOrEqualTo(450);
        }
        String good = Mi.rawFrom("127.0.0.11", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")));
        assertThat(good).startsWith("HTTP/1.1 200");
    }

    @Test
    void loginsInsideThePenaltyWindowAreRefusedUnchecked() throws Exception {
        configureUsers();
        try (LogCapture capture = new LogCapture(logs)) {
            Thread first = new Thread(() -> {
                try {
                    Mi.rawFrom("127.0.0.12", Mi.rawPost(ECHO, Mi.basic("alice", "wrong")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            first.start();
            capture.await(Duration.ofSeconds(10), "login of user 'alice'", "127.0.0.12", "failed");
            // Within the 250 ms that follow, even the right password is not checked.
            String meanwhile = Mi.rawFrom("127.0.0.12", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")));
            assertThat(meanwhile).startsWith("HTTP/1.1 429").contains("Retry-After: ");
            first.join(10_000);
        }
        // Once the window has passed (a login inside it is refused unchecked and does not extend it), the right password is in.
        Configs.await("the right password taken after the window", Duration.ofSeconds(10),
                () -> Mi.rawFrom("127.0.0.12", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A"))).startsWith("HTTP/1.1 200"));
    }

    @Test
    void adminOnlyCommandsAreRefusedToOtherUsers() throws Exception {
        configureUsers();
        String bob = Mi.rawFrom("127.0.0.2", Mi.rawPost(ADMIN, Mi.basic("bob", "s3cret-B")));
        assertThat(bob).startsWith("HTTP/1.1 200");
        JsonNode refused = Mi.JSON.readTree(bob.substring(bob.indexOf("\r\n\r\n") + 4));
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32001);
        assertThat(refused.path("error").path("data").asText()).contains("admin role");
        String bobEcho = Mi.rawFrom("127.0.0.2", Mi.rawPost(ECHO, Mi.basic("bob", "s3cret-B")));
        assertThat(bobEcho).contains("\"a\":\"x\"");
        String alice = Mi.rawFrom("127.0.0.2", Mi.rawPost(ADMIN, Mi.basic("alice", "s3cret-A")));
        assertThat(alice).contains("\"result\":\"done\"");
    }

    @Test
    void aBadUsersSettingIsRefusedWithoutShowingHashes() throws Exception {
        try (LogCapture capture = new LogCapture(logs)) {
            io.switchboard.itest.Configs.update(Mi.PID, Map.of("users", "carol:root:pbkdf2-sha256$1$AA$AA"));
            String line = capture.await(Duration.ofSeconds(10), "switchboard.mi_http", "users=<hidden>",
                    "role 'root'");
            assertThat(line).doesNotContain("pbkdf2");
        }
        assertThat(Mi.call(ECHO).path("result").path("a").asText()).isEqualTo("x");
    }

    @Test
    void aPasswordHashThatCannotWorkIsRefusedWithTheConfiguration() throws Exception {
        configureUsers();
        try (LogCapture capture = new LogCapture(logs)) {
            io.switchboard.itest.Configs.update(Mi.PID, Map.of("users", "carol:admin:pbkdf2-sha256$210000$$"
                    + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
            capture.await(Duration.ofSeconds(10), "switchboard.mi_http", "users=<hidden>", "user 'carol'",
                    "salt of at least 8 bytes", "previous configuration stays");
            io.switchboard.itest.Configs.update(Mi.PID, Map.of("users", "carol:admin:pbkdf2-sha256$2000000000$"
                    + "AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
            capture.await(Duration.ofSeconds(10), "switchboard.mi_http", "user 'carol'", "10000 to 5000000 iterations");
        }
        String alice = Mi.rawFrom("127.0.0.2", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A")));
        assertThat(alice).as("the last good users are still in force").startsWith("HTTP/1.1 200");
    }

    private void configureUsers() throws Exception {
        String alice = hash("s3cret-A");
        String bob = hash("s3cret-B");
        Mi.configure(Map.of("users", "alice:admin:" + alice + ", bob:user:" + bob));
    }

    private String hash(String password) throws Exception {
        try (PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                CommandSession session = shell.createSession(System.in, print, print)) {
            String hash = String.valueOf(session.execute("mihttp:hash_password " + password));
            assertThat(hash).startsWith("pbkdf2-sha256$210000$");
            return hash;
        }
    }
}
