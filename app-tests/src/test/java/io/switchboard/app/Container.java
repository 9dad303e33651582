package io.switchboard.app;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The runnable container started as users start it, {@code java -jar switchboard.jar} in a working
 * folder of its own, with standard input closed as under a service manager, on free loopback ports so
 * it never meets another instance. Its console (standard output and error) goes to
 * {@code console.log} in that folder.
 */
public final class Container implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final long POLL_MILLIS = 50;
    /** Linux hands out ports from 32768 to outgoing connections (net.ipv4.ip_local_port_range). */
    private static final int EPHEMERAL_START = 32768;
    private static final int LOWEST_PORT = 20000;

    private final Path home;
    private final Process process;
    /** The terminal's keyboard, for a container started {@link Builder#withTerminal with one}. */
    private final Writer keyboard;
    public final int httpdPort;
    public final int microhttpdPort;

    private Container(Path home, Process process, boolean terminal, int httpdPort, int microhttpdPort) {
        this.home = home;
        this.process = process;
        this.keyboard = terminal ? new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8) : null;
        this.httpdPort = httpdPort;
        this.microhttpdPort = microhttpdPort;
    }

    /** @return a container with the default configuration, once its MI answers */
    public static Container start() throws Exception {
        Container container = new Builder().start();
        container.awaitStatus("/mi/", 200, START_TIMEOUT);
        return container;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a container starts with beyond its defaults. */
    public static final class Builder {
        private final Map<String, List<String>> etc = new LinkedHashMap<>();
        private final List<Path> deploy = new ArrayList<>();
        private boolean terminal;

        /** Adds {@code line} (such as {@code shutdown_grace = 1000}) to {@code etc/<file>}. */
        public Builder etc(String file, String line) {
            etc.computeIfAbsent(file, name -> new ArrayList<>()).add(line);
            return this;
        }

        /** Puts the handlers bundle the tests carry into {@code deploy/}. */
        public Builder withTestHandlers() {
            deploy.add(Path.of(System.getProperty("switchboard.test.bundle")));
            return this;
        }

        /**
         * Runs the container on a terminal of its own ({@code script}, from util-linux), as from an
         * interactive shell, so that it offers its shell prompt; {@link Container#type} types into it.
         */
        public Builder withTerminal() {
            terminal = true;
            return this;
        }

        /** @return the container, once it says it started and httpd answers */
        public Container start() throws Exception {
            Path jar = Path.of(System.getProperty("switchboard.jar", "../app/target/switchboard.jar")).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the app module first");
            }
            Path home = Files.createTempDirectory("switchboard-app");
            int[] ports = freePorts(2);
            int httpd = ports[0];
            int microhttpd = ports[1];
            etc.computeIfAbsent("switchboard.httpd.cfg", name -> new ArrayList<>())
                    .addAll(0, List.of("ip = 127.0.0.1", "port = " + httpd));
            etc.computeIfAbsent("switchboard.microhttpd.cfg", name -> new ArrayList<>())
                    .addAll(0, List.of("listen_addr = 127.0.0.1", "listen_port = " + microhttpd));
            Path etcFolder = Files.createDirectories(home.resolve("etc"));
            for (Map.Entry<String, List<String>> file : etc.entrySet()) {
                Files.write(etcFolder.resolve(file.getKey()), file.getValue());
            }
            Path deployFolder = Files.createDirectories(home.resolve("deploy"));
            for (Path bundle : deploy) {
                Files.copy(bundle, deployFolder.resolve(bundle.getFileName()));
            }
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString());
            if (terminal) {
                command = List.of("script", "--quiet", "--return", "--command", String.join(" ", command), "/dev/null");
            }
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.log").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            if (!terminal) {
                // Standard input closed, as under a service manager.
                process.getOutputStream().close();
            }
            Container container = new Container(home, process, terminal, httpd, microhttpd);
            try {
                container.awaitConsole("Switchboard started", START_TIMEOUT);
                // Not "microhttpd listening on", which holds the same words.
                container.awaitConsole("- httpd listening on", START_TIMEOUT);
                if (!deploy.isEmpty()) {
                    container.awaitStatus("/download/1", 200, START_TIMEOUT);
                }
            } catch (Exception | AssertionError failed) {
                // Nobody else will stop it: a container left running would hold its ports for good.
                container.close();
                throw failed;
            }
            return container;
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpdPort + path);
    }

    /** @return the body of the answer to a JSON-RPC call of {@code method} with {@code params} (JSON) on {@code /mi} */
    public String mi(String method, String params) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(uri("/mi")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"" + method
                        + "\",\"params\":" + params + ",\"id\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public Path home() {
        return home;
    }

    public Path etc() {
        return home.resolve("etc");
    }

    /** Types {@code line} and Enter on the container's terminal. */
    public void type(String line) throws IOException {
        keyboard.write(line + "\n");
        keyboard.flush();
    }

    /**
     * @return the flags of the container's JVM that are not at their defaults, as {@code jcmd PID VM.flags}
     *         prints them; for a container started without a terminal, whose process is the JVM
     */
    public String vmFlags() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "VM.flags").redirectErrorStream(true).start();
        String flags = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IOException("jcmd VM.flags failed: " + flags);
        }
        return flags;
    }

    /** Sends SIGTERM, as systemd, docker stop and kill do. */
    public void terminate() {
        process.destroy();
    }

    /** @return the exit status, once the process ended within {@code timeout}; fails otherwise */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the container still runs " + timeout + " later:\n" + tail(console()));
        }
        return process.exitValue();
    }

    /** Waits until a GET of {@code path} answers {@code status}; fails with the console's tail otherwise. */
    public void awaitStatus(String path, int status, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(path + " answering " + status, timeout, () -> {
            int answered = client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (answered != status) {
                throw new IOException("status " + answered);
            }
            return path;
        });
    }

    /** Waits until the console has a line containing {@code text}; fails with the console's tail otherwise. */
    public String awaitConsole(String text, Duration timeout) throws Exception {
        return await("a line with \"" + text + "\"", timeout, () -> {
            try (Stream<String> lines = Files.lines(home.resolve("console.log"), StandardCharsets.UTF_8)) {
                return lines.filter(candidate -> candidate.contains(text)).findFirst().orElse(null);
            }
        });
    }

    /** One look for a fact: its value, {@code null} or an {@link IOException} saying why not yet. */
    public interface Probe<T> {
        T look() throws IOException, InterruptedException;
    }

    /** Looks for {@code what} every {@value #POLL_MILLIS} ms until it is there, the container ended or {@code timeout} passed. */
    public <T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                T found = probe.look();
                if (found != null) {
                    return found;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the container ended (" + process.exitValue() + ") before " + what + ":\n"
                        + tail(console()));
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no " + what + " within " + timeout + " (last: " + last + "):\n" + tail(console()));
    }

    public String console() throws IOException {
        return Files.readString(home.resolve("console.log"));
    }

    /** @return the log file, {@code log/switchboard.log} in the working folder */
    public String logFile() throws IOException {
        return Files.readString(home.resolve("log/switchboard.log"));
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    @Override
    public void close() throws Exception {
        // On a terminal, the JVM is script's child: it is the one to stop, or it would outlive script.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException stuck) {
                handle.destroyForcibly();
            }
        }
        process.waitFor(30, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * @return {@code count} distinct ports free on loopback now, below the range the system hands out
     *         to outgoing connections, so that no client connection takes one before the container binds it
     */
    static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        Random random = new Random();
        int found = 0;
        for (int attempt = 0; found < count && attempt < 1000; attempt++) {
            int candidate = LOWEST_PORT + random.nextInt(EPHEMERAL_START - LOWEST_PORT);
            if (Arrays.stream(ports, 0, found).anyMatch(port -> port == candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                ports[found++] = socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        if (found < count) {
            throw new IOException("no " + count + " free loopback ports between " + LOWEST_PORT + " and " + EPHEMERAL_START);
        }
        return ports;
    }
}
