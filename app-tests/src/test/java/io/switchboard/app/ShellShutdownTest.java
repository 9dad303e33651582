package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container run from a terminal, stopped from its shell prompt: {@code stop 0} (Felix) and
 * {@code shutdown} (Switchboard's, as Karaf has) stop it as gracefully as SIGTERM does.
 */
class ShellShutdownTest {
    private static final int DOWNLOAD_BYTES = 16 << 20;
    private static final Duration A_WHILE = Duration.ofSeconds(30);

    @ParameterizedTest
    @ValueSource(strings = { "stop 0", "shutdown" })
    void theShellsStopLetsTheResponseInFlightFinish(String command) throws Exception {
        try (Container container = Container.builder().withTestHandlers().withTerminal().start();
                Socket client = new Socket()) {
            client.setSoTimeout((int) A_WHILE.toMillis());
            client.connect(new InetSocketAddress("127.0.0.1", container.httpdPort), 5000);
            OutputStream out = client.getOutputStream();
            out.write(("GET /download/" + DOWNLOAD_BYTES + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = client.getInputStream();
            byte[] first = in.readNBytes(64 * 1024);
            assertThat(new String(first, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");

            container.type(command);
            container.awaitConsole("- httpd stopped accepting", A_WHILE);

            long rest = in.transferTo(OutputStream.nullOutputStream());
            int head = new String(first, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            assertThat(first.length - head + rest).isEqualTo(DOWNLOAD_BYTES);
            assertThat(container.awaitExit(A_WHILE)).isZero();
            assertThat(container.console()).contains("shutdown: no request in flight after");
        } catch (IOException failed) {
            throw new AssertionError(command + ": " + failed, failed);
        }
    }
}
