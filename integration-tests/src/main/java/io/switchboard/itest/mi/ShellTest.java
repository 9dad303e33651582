package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.mi.MiCommand;

/** Every MI command is also the Gogo command mi:<name>, for as long as it is registered. */
class ShellTest {
    @InjectBundleContext
    BundleContext context;
    @InjectService
    CommandProcessor shell;

    @Test
    void aCommandRunsInTheShellWithNamedOrPositionalParams() throws Exception {
        Httpd.port();
        ServiceRegistration<MiCommand> echo = TestCommands.echo(context);
        try (PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                CommandSession session = shell.createSession(System.in, print, print)) {
            // The bridge registers shell commands on a thread of its own.
            Configs.await("mi:test_echo in the shell", Duration.ofSeconds(10),
                    () -> String.valueOf(session.execute("mi:test_echo a=1")).contains("\"a\""));
            assertThat(String.valueOf(session.execute("mi:test_echo a=x 'b=[1,2]'")))
                    .contains("\"a\" : \"x\"").contains("\"b\" : [ 1, 2 ]");
            assertThat(String.valueOf(session.execute("mi:test_echo y"))).contains("\"a\" : \"y\"");
            assertThatThrownBy(() -> session.execute("mi:test_echo")).hasMessageContaining("error -32602")
                    .hasMessageContaining("missing parameter 'a'");
            assertThat(String.valueOf(session.execute("mi:httpd_list_root_path"))).contains("\"http_root\" : \"mi\"");
            assertThat(String.valueOf(session.execute("mi:httpd:list_root_path"))).contains("\"module\" : \"mi_http\"");
            echo.unregister();
            assertThatThrownBy(() -> session.execute("mi:test_echo a=x")).hasMessageContaining("test_echo");
        }
    }
}
