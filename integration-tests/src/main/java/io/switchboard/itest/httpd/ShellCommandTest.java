package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Handlers;

/** httpd_list_root_path in the Gogo shell. */
class ShellCommandTest {
    @InjectBundleContext
    BundleContext context;
    @InjectService
    CommandProcessor shell;

    @Test
    void listRootPathShowsEveryRootWithItsModuleAndState() throws Exception {
        Handlers.register(context, "shelled", 0, Handlers.echo("a"));
        Handlers.register(context, "shelled", -1, Handlers.echo("b"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = shell.createSession(System.in, print, print)) {
            Object result = session.execute("httpd:httpd_list_root_path");
            String listing = String.valueOf(result);
            assertThat(listing).contains("http_root").contains("module");
            assertThat(listing.lines().filter(line -> line.startsWith("shelled ")))
                    .hasSize(2)
                    .anyMatch(line -> line.endsWith("serving"))
                    .anyMatch(line -> line.endsWith("waiting"));
            assertThat(String.valueOf(session.execute("httpd_list_root_path"))).isEqualTo(listing);
        }
    }
}
