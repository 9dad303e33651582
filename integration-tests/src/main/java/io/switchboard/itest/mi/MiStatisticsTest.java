package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiStatistics;

/**
 * The MI's statistics group {@code mi}: after N real requests to {@code /mi}, each counter has moved
 * by exactly what they did, and no other counter of the group has moved. The counters are read from
 * the group's service, so reading them calls no command.
 */
class MiStatisticsTest {
    private static final int N = 4;
    private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":1}";
    private static final String ADMIN = "{\"jsonrpc\":\"2.0\",\"method\":\"test_admin\",\"id\":1}";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    CommandProcessor shell;
    @InjectService(filter = "(" + MiStatistics.GROUP + "=mi)")
    MiStatistics mi;
    private Map<String, Long> before;

    @BeforeEach
    void serve() throws Exception {
        Httpd.port();
        Mi.reset();
        TestCommands.echo(context);
        TestCommands.adminOnly(context);
        TestCommands.ownError(context);
        before = mi.values();
    }

    @AfterEach
    void noUsers() throws Exception {
        Mi.reset();
    }

    @Test
    void aCommandsCounterIsListedAtZeroFromItsRegistrationAndOutlivesIt() throws Exception {
        ServiceRegistration<MiCommand> fresh = TestCommands.register(context, params -> "fresh", "test:fresh_stats",
                new String[0], new String[0], false, "Registered by the test");
        Configs.await("test:fresh_stats listed", Duration.ofSeconds(5),
                () -> mi.values().containsKey("test_fresh_stats_calls"));
        assertThat(mi.values()).containsEntry("test_fresh_stats_calls", 0L);
        for (int i = 0; i < N; i++) {
            assertThat(Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test:fresh_stats\",\"id\":1}").path("result").asText())
                    .isEqualTo("fresh");
        }
        fresh.unregister();
        assertThat(mi.values()).containsEntry("test_fresh_stats_calls", (long) N);
    }

    @Test
    void everyCallOverHttpCountsOnceForItsCommandAsOneRequestOrInABatch() throws Exception {
        for (int i = 0; i < N; i++) {
            assertThat(Mi.call(ECHO).path("result").path("a").asText()).isEqualTo("x");
        }
        JsonNode batch = Mi.call("[" + String.join(",", Collections.nCopies(N, ECHO)) + "]");
        assertThat(batch).hasSize(N);
        assertThat(moved()).containsOnly(Map.entry("test_echo_calls", 2L * N));
    }

    @Test
    void everyErrorCountsUnderItsCode() throws Exception {
        for (int i = 0; i < N; i++) {
            assertThat(code(Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_no_such\",\"id\":1}"))).isEqualTo(-32601);
            assertThat(code(Mi.call("{\"jsonrpc\":\"2.0\",\"method\":"))).isEqualTo(-32700);
            assertThat(code(Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"id\":1}"))).isEqualTo(-32602);
            assertThat(code(Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_missing\",\"id\":1}"))).isEqualTo(404);
            assertThat(code(Mi.call("{\"jsonrpc\":\"1.0\",\"method\":\"test_echo\",\"id\":1}"))).isEqualTo(-32600);
        }
        assertThat(moved()).containsOnly(Map.entry("errors_minus32601", (long) N), Map.entry("errors_minus32700", (long) N),
                Map.entry("errors_minus32602", (long) N), Map.entry("test_echo_calls", (long) N),
                Map.entry("errors_404", (long) N), Map.entry("test_missing_calls", (long) N),
                Map.entry("errors_minus32600", (long) N));
    }

    @Test
    void everyRequestAnswered403IsCountedRefused() throws Exception {
        for (int i = 0; i < N; i++) {
            assertThat(Mi.rawFrom("127.0.0.2", "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: 192.0.2.1\r\nConnection: close\r\nContent-Length: " + ECHO.length() + "\r\n\r\n"
                    + ECHO)).startsWith("HTTP/1.1 403");
            assertThat(Mi.rawFrom("127.0.0.1", "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Origin: http://elsewhere.example\r\nConnection: close\r\nContent-Length: " + ECHO.length()
                    + "\r\n\r\n" + ECHO)).startsWith("HTTP/1.1 403");
        }
        assertThat(moved()).containsOnly(Map.entry("refused", 2L * N));
    }

    @Test
    void wrongLoginsCountAsAuthenticationFailuresAndTheLoginsHeldBackAsThrottled() throws Exception {
        Mi.configure(Map.of("users", "alice:admin:" + Passwords.hash(shell, "s3cret-A") + ", bob:user:"
                + Passwords.hash(shell, "s3cret-B")));
        before = mi.values();
        assertThat(Mi.post("/mi", ECHO, null).statusCode()).as("no credentials: challenged, not counted").isEqualTo(401);
        for (int i = 0; i < N; i++) {
            // An address each, above those LoginStormTest fails from: a second wrong login from one address
            // within its penalty window is throttled instead.
            assertThat(Mi.rawFrom("127.0.0." + (161 + i), Mi.rawPost(ECHO, Mi.basic("alice", "wrong"))))
                    .startsWith("HTTP/1.1 401");
            assertThat(Mi.rawFrom("127.0.0.168", Mi.rawPost(ADMIN, Mi.basic("bob", "s3cret-B")))).contains("-32001");
        }
        List<Integer> storm = tenLoginsAtOnce("127.0.0.169");
        long checked = storm.stream().filter(status -> status == 401).count();
        long throttled = storm.stream().filter(status -> status == 429).count();
        assertThat(checked + throttled).isEqualTo(10);
        assertThat(throttled).as("an address gets one password check at a time").isPositive();
        assertThat(moved()).containsOnly(Map.entry("auth_failures", N + checked), Map.entry("throttled", throttled),
                Map.entry("test_admin_calls", (long) N), Map.entry("errors_minus32001", (long) N));
    }

    /** @return the statuses of ten wrong logins from {@code address} that arrive together */
    private static List<Integer> tenLoginsAtOnce(String address) throws Exception {
        byte[] request = Mi.rawPost(ECHO, Mi.basic("alice", "wrong")).getBytes(StandardCharsets.ISO_8859_1);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Httpd.port()), 5000);
                socket.setSoTimeout(30_000);
                // All but the last byte, so the ten arrive together when it is sent.
                socket.getOutputStream().write(request, 0, request.length - 1);
                socket.getOutputStream().flush();
            }
            for (Socket socket : sockets) {
                OutputStream out = socket.getOutputStream();
                out.write(request, request.length - 1, 1);
                out.flush();
            }
            List<Integer> statuses = new ArrayList<>();
            for (Socket socket : sockets) {
                statuses.add(Loopback.status(new String(socket.getInputStream().readAllBytes(),
                        StandardCharsets.ISO_8859_1)));
            }
            return statuses;
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static int code(JsonNode answer) {
        return answer.path("error").path("code").asInt();
    }

    /** @return the counters of the group that moved since {@link #before}, by how much */
    private Map<String, Long> moved() {
        Map<String, Long> moved = new HashMap<>();
        mi.values().forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0) {
                moved.put(name, delta);
            }
        });
        return moved;
    }
}
