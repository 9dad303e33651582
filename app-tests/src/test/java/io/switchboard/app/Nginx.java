package io.switchboard.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx as a test runs it: its own configuration, prefix, pid, logs and temporary files
 * in a folder of its own, listening on a free loopback port, in the foreground as the test's child,
 * stopped by {@link #close}. The upstream servers live in {@code upstream.conf}, which
 * {@link #reload} rewrites.
 */
final class Nginx implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path prefix;
    private final Process master;
    final int port;

    private Nginx(Path prefix, Process master, int port) {
        this.prefix = prefix;
        this.master = master;
        this.port = port;
    }

    /**
     * @param upstream the body of {@code upstream switchboard { ... }}
     * @param location the directives of {@code location / { ... }}, which proxies to that upstream
     */
    static Nginx start(String upstream, String location) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: .ci/install-test-deps installs Debian's nginx");
        }
        Path prefix = Files.createTempDirectory("switchboard-nginx");
        int port = Container.freePorts(1)[0];
        // Run by root, nginx would hand its workers to nobody, who may not enter this folder.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(prefix.resolve("nginx.conf"), user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log notice;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream switchboard {
                        include %1$s/upstream.conf;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                %3$s
                        }
                    }
                }
                """.formatted(prefix, port, location));
        Files.writeString(prefix.resolve("upstream.conf"), upstream);
        Process master = new ProcessBuilder(BINARY.toString(), "-p", prefix + "/", "-c", prefix.resolve("nginx.conf")
                .toString()).redirectErrorStream(true).redirectOutput(prefix.resolve("console.log").toFile()).start();
        Nginx nginx = new Nginx(prefix, master, port);
        try {
            nginx.awaitListening();
        } catch (Exception | AssertionError failed) {
            nginx.close();
            throw failed;
        }
        return nginx;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitListening() throws Exception {
        Facts.await("nginx listening on port " + port, START_TIMEOUT, () -> {
            if (!master.isAlive()) {
                throw new AssertionError("nginx ended (" + master.exitValue() + "):\n" + logs());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /**
     * Puts {@code upstream} in force as {@code nginx -s reload} does, and returns once every worker
     * of the previous configuration has ended: from then on no request follows the old upstream.
     */
    void reload(String upstream) throws Exception {
        Path next = prefix.resolve("upstream.conf.next");
        Files.writeString(next, upstream);
        Files.move(next, prefix.resolve("upstream.conf"), StandardCopyOption.ATOMIC_MOVE);
        Set<ProcessHandle> previous = master.children().collect(Collectors.toSet());
        Process signal = new ProcessBuilder(BINARY.toString(), "-p", prefix + "/", "-c",
                prefix.resolve("nginx.conf").toString(), "-s", "reload").redirectErrorStream(true).start();
        String said = new String(signal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!signal.waitFor(10, TimeUnit.SECONDS) || signal.exitValue() != 0) {
            throw new AssertionError("nginx -s reload failed: " + said + "\n" + logs());
        }
        // A refused configuration leaves the old workers running: this wait then fails, with the log.
        Facts.await("nginx's workers of the previous configuration to end", Duration.ofSeconds(20),
                () -> previous.stream().noneMatch(ProcessHandle::isAlive)
                        && master.children().anyMatch(worker -> !previous.contains(worker)));
    }

    String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("console.log", "error.log")) {
            Path log = prefix.resolve(name);
            if (Files.exists(log)) {
                logs.append(name).append(":\n").append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    /** Stops nginx as SIGTERM does (its fast shutdown) and removes its folder. */
    @Override
    public void close() throws Exception {
        master.destroy();
        if (!master.waitFor(20, TimeUnit.SECONDS)) {
            master.descendants().forEach(ProcessHandle::destroyForcibly);
            master.destroyForcibly();
            master.waitFor(20, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
