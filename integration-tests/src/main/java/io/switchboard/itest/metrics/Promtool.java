package io.switchboard.itest.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Debian's promtool (package prometheus, installed by .ci/install-test-deps), run on a scrape's text. */
final class Promtool {
    /** What {@code promtool check metrics} said: its exit status and everything it wrote. */
    record Verdict(int exit, String output) {
    }

    private Promtool() {
    }

    /** Runs {@code promtool check metrics} with {@code text} on its standard input: the parser and the linter. */
    static Verdict checkMetrics(String text) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new IOException("promtool is not installed: run .ci/install-test-deps (Debian package prometheus)",
                    missing);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("promtool did not end within 30 s: " + output);
        }
        return new Verdict(process.exitValue(), output);
    }
}
