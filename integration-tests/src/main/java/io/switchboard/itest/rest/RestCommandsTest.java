package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Loopback;

/** rest_get and rest_post in the Gogo shell, as MI commands. */
class RestCommandsTest {
    @InjectService
    CommandProcessor shell;

    @Test
    void anOperatorTriesAnEndpointFromTheShell() throws Exception {
        try (TestServer server = new TestServer();
                PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                CommandSession session = shell.createSession(System.in, print, print)) {
            String get = String.valueOf(session.execute("mi:rest_get " + server.url("/echo")));
            assertThat(get).contains("\"rc\" : 1").contains("\"status\" : 200").contains("\"body\" : \"GET|null|null|\"");
            String post = String.valueOf(session.execute("rest_post " + server.url("/echo") + " a=1"));
            assertThat(post).contains("\"body\" : \"POST|null|application/x-www-form-urlencoded|a=1\"");
            String refused = String.valueOf(session.execute("rest_get http://127.0.0.1:" + Loopback.freePort() + "/"));
            assertThat(refused).contains("\"rc\" : -1").contains("\"status\" : 0");
        }
    }
}
