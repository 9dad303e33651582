package io.switchboard.browser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The runnable container started as users start it, {@code java -jar switchboard.jar} in a working
 * folder of its own, on free loopback ports so it never meets another instance.
 */
final class Container implements AutoCloseable {
    private final Path home;
    private final Process process;
    final int httpdPort;

    private Container(Path home, Process process, int httpdPort) {
        this.home = home;
        this.process = process;
        this.httpdPort = httpdPort;
    }

    static Container start() throws Exception {
        Path jar = Path.of(System.getProperty("switchboard.jar", "../app/target/switchboard.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the app module first");
        }
        Path home = Files.createTempDirectory("switchboard-browser");
        Path etc = Files.createDirectories(home.resolve("etc"));
        int httpd = freePort();
        Files.writeString(etc.resolve("switchboard.httpd.cfg"), "ip = 127.0.0.1\nport = " + httpd + "\n");
        Files.writeString(etc.resolve("switchboard.microhttpd.cfg"),
                "listen_addr = 127.0.0.1\nlisten_port = " + freePort() + "\n");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        // Standard input closed, as under a service manager: the shell ends, the container stays.
        process.getOutputStream().close();
        Container container = new Container(home, process, httpd);
        try {
            container.awaitStatus("/mi/", 200, Duration.ofSeconds(90));
        } catch (Exception | AssertionError failed) {
            // Nobody else will stop it: a container left running would hold its ports for good.
            container.close();
            throw failed;
        }
        return container;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpdPort + path);
    }

    /** @return the body of the answer to a JSON-RPC call of {@code method} with {@code params} (JSON) on {@code /mi} */
    String mi(String method, String params) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(uri("/mi")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"" + method
                        + "\",\"params\":" + params + ",\"id\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    Path etc() {
        return home.resolve("etc");
    }

    /** Waits until a GET of {@code path} answers {@code status}; fails with the console's tail otherwise. */
    void awaitStatus(String path, int status, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the container exited with " + process.exitValue() + ":\n" + console());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == status) {
                    return;
                }
                last = "status " + response.statusCode();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + " (last: " + last + "):\n"
                + console());
    }

    private String console() throws IOException {
        String text = Files.readString(home.resolve("console.log"));
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
