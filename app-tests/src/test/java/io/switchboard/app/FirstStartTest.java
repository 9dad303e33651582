package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * A first start in an empty folder, as a new user makes it: the folder is laid out (etc/ with the
 * defaults the jar carries, but for the listeners' files the harness wrote first), the console says
 * what runs where and warns of nothing, the log file holds the same lines, and the statistics are
 * there before the first request.
 */
class FirstStartTest {
    private static final Duration A_WHILE = Duration.ofSeconds(30);

    @Test
    void theConsoleWarnsOfNothingAndTheLogFileHoldsTheSameLines() throws Exception {
        try (Container container = Container.builder().start()) {
            container.terminate();
            assertThat(container.awaitExit(A_WHILE)).isZero();

            List<String> console = container.console().lines().toList();
            assertThat(console).isNotEmpty().noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                    || line.startsWith("WARNING") || line.contains("Exception"));
            assertThat(console.get(0)).contains("i.s.l.Main - Switchboard ", " in " + container.home().toRealPath());
            assertThat(console.get(1)).contains("logs go to the console and "
                    + container.home().toRealPath().resolve("log/switchboard.log"));
            assertThat(console).anyMatch(line -> line.contains("httpd listening on 127.0.0.1 port " + container.httpdPort))
                    .anyMatch(line -> line.contains("microhttpd listening on 127.0.0.1 port " + container.microhttpdPort))
                    .anyMatch(line -> line.contains("shutdown: no request in flight"));
            assertThat(container.logFile().lines().toList()).isEqualTo(console);
            assertThat(container.home().resolve("deploy")).isDirectory();
            assertThat(container.etc().resolve("org.ops4j.pax.logging.cfg")).isRegularFile();
            assertThat(Files.readString(container.etc().resolve("switchboard.httpd.cfg"))).startsWith("ip = 127.0.0.1");
            // Every other default the jar carries (DefaultConfigurationTest checks them), as it carries it.
            try (JarFile jar = new JarFile(System.getProperty("switchboard.jar", "../app/target/switchboard.jar"))) {
                List<JarEntry> defaults = jar.stream().filter(entry -> entry.getName().startsWith("defaults/etc/")
                        && entry.getName().endsWith(".cfg")).toList();
                assertThat(defaults).extracting(JarEntry::getName).contains("defaults/etc/switchboard.rest_client.cfg");
                for (JarEntry entry : defaults) {
                    Path written = container.etc().resolve(entry.getName().substring("defaults/etc/".length()));
                    if (!List.of("switchboard.httpd.cfg", "switchboard.microhttpd.cfg").contains(written.getFileName().toString())) {
                        assertThat(written).hasBinaryContent(jar.getInputStream(entry).readAllBytes());
                    }
                }
            }
        }
    }

    @Test
    void getStatisticsListsTheMiRootsCountersAtZeroBeforeAnyRequest() throws Exception {
        try (Container container = Container.builder().start()) {
            // The container was waited for by its log alone: this call is the first request it gets,
            // counted on arrival, and still in flight while it reads the counters.
            String answer = container.mi("get_statistics", "{\"statistics\":\"httpd:\"}");
            assertThat(answer).contains("\"httpd:mi_requests\":1", "\"httpd:mi_2xx\":0", "\"httpd:mi_4xx\":0",
                    "\"httpd:mi_bytes_out\":0", "\"httpd:mi_held\":0");
        }
    }
}
