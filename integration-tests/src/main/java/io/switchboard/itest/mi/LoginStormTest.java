package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiHttpRoot;

/**
 * Bad logins in bulk: passwords are hashed off the server's threads, so other roots are served
 * meanwhile; an address gets one guess at a time, a login that finds the queue full is answered 503
 * at once, and an update of mihttp in the middle of a storm leaves no login unanswered.
 */
class LoginStormTest {
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
        Mi.configure(Map.of("users", "alice:admin:" + Passwords.hash(shell, "s3cret-A")));
        TestCommands.echo(context);
        Handlers.register(context, "storm-probe", Handlers.echo("probe"));
    }

    @AfterEach
    void noUsers() throws Exception {
        Mi.reset();
        assertThat(Mi.call(ECHO).path("result").path("a").asText()).isEqualTo("x");
    }

    @Test
    void aHundredAddressesGuessingLeaveAnotherRootServed() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(100);
        try (LogCapture capture = new LogCapture(logs)) {
            List<Future<String>> storm = new ArrayList<>();
            for (int i = 2; i <= 101; i++) {
                String address = "127.0.1." + i;
                String request = Mi.rawPost(ECHO, Mi.basic("alice", "guess-" + i));
                storm.add(attackers.submit(() -> Loopback.rawFrom(address, Httpd.port(), request, Duration.ofSeconds(60))));
            }
            capture.await(Duration.ofSeconds(30), "login of user 'alice'", "failed");
            HttpResponse<String> probe = Loopback.get(Httpd.port(), "/storm-probe/x");
            assertThat(probe.statusCode()).isEqualTo(200);
            assertThat(probe.body()).startsWith("probe|storm-probe|/x");
            List<Integer> statuses = new ArrayList<>();
            for (Future<String> attacker : storm) {
                statuses.add(Loopback.status(attacker.get(90, TimeUnit.SECONDS)));
            }
            assertThat(statuses).as("the storm is refused").allMatch(status -> status == 401 || status == 429 || status == 503)
                    .contains(401);
        } finally {
            attackers.shutdownNow();
        }
        assertThat(Mi.rawFrom("127.0.0.1", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A"))))
                .as("a good login still gets in").startsWith("HTTP/1.1 200");
        assertThat(Loopback.get(Httpd.port(), "/storm-probe/y").statusCode()).isEqualTo(200);
    }

    @Test
    void aStormDuringAnUpdateOfMihttpIsAnsweredWhole() throws Exception {
        Bundle mihttp = Bundles.named(context, "switchboard.mihttp");
        ExecutorService attackers = Executors.newFixedThreadPool(60);
        try (LogCapture capture = new LogCapture(logs)) {
            List<Future<String>> storm = new ArrayList<>();
            for (int i = 40; i <= 99; i++) {
                String address = "127.0.1." + i;
                String request = Mi.rawPost(ECHO, Mi.basic("alice", "guess-" + i));
                storm.add(attackers.submit(() -> Loopback.rawFrom(address, Httpd.port(), request, Duration.ofSeconds(60))));
            }
            capture.await(Duration.ofSeconds(30), "login of user 'alice'", "failed");
            long before = servingMi().getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1;
            mihttp.update();
            Configs.await("the new mihttp serving /mi", Duration.ofSeconds(30), () -> {
                ServiceReference<RootHandler> serving = servingMi();
                return serving != null && !Long.valueOf(before).equals(serving.getProperty(Constants.SERVICE_ID));
            });
            for (Future<String> attacker : storm) {
                String answer = attacker.get(90, TimeUnit.SECONDS);
                assertThat(answer).as("every login is answered").startsWith("HTTP/1.1 ");
                assertThat(Loopback.status(answer)).isIn(401, 429, 503);
            }
        } finally {
            attackers.shutdownNow();
        }
        assertThat(Mi.rawFrom("127.0.0.1", Mi.rawPost(ECHO, Mi.basic("alice", "s3cret-A"))))
                .as("the new mihttp takes logins").startsWith("HTTP/1.1 200");
    }

    private ServiceReference<RootHandler> servingMi() throws Exception {
        return context.getServiceReferences(RootHandler.class, "(&(" + RootHandler.ROOT + "=mi)(" + MiHttpRoot.USERS + "=1))")
                .stream().filter(reference -> reference.getBundle() != null
                        && "switchboard.mihttp".equals(reference.getBundle().getSymbolicName()))
                .findFirst().orElse(null);
    }

    @Test
    void tenLoginsAtOnceFromOneAddressGetOneGuess() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            byte[] request = Mi.rawPost(ECHO, Mi.basic("alice", "wrong")).getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 10; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.29"), 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Httpd.port()), 5000);
                socket.setSoTimeout(30_000);
                // All but the last byte, so the ten arrive together when it is sent.
                socket.getOutputStream().write(request, 0, request.length - 1);
                socket.getOutputStream().flush();
                sockets.add(socket);
            }
            for (Socket socket : sockets) {
                OutputStream out = socket.getOutputStream();
                out.write(request, request.length - 1, 1);
                out.flush();
            }
            List<Integer> statuses = new ArrayList<>();
            for (Socket socket : sockets) {
                statuses.add(Loopback.status(readAll(socket.getInputStream())));
            }
            assertThat(statuses).filteredOn(status -> status == 401).as("checked").hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 429).as("refused unchecked").hasSize(9);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(Loopback.get(Httpd.port(), "/storm-probe/z").statusCode()).isEqualTo(200);
    }

    private static String readAll(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
