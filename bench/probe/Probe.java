import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probe of bench/hotswap.sh: every PERIOD ms it sends one request to each target on a new
 * connection and waits for the whole answer, for SECONDS; then prints, per target, one line:
 * {@code name requests failures longest-ms first-failure}. A refused or reset connection, a status
 * other than 2xx or a body without the expected text is a failure.
 * <p>
 * Usage: {@code java Probe.java PERIOD SECONDS name|port|GET|/path|expected ... name|port|POST|/path|expected|body}
 */
public final class Probe {
    private record Target(String name, int port, String method, String path, String expected, String body) {
        static Target parse(String spec) {
            String[] parts = spec.split("\\|", 6);
            return new Target(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3], parts[4],
                    parts.length > 5 ? parts[5] : "");
        }

        byte[] request() {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (content.length > 0 ? "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n" : "")
                    + "\r\n";
            byte[] request = new byte[head.length() + content.length];
            System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
            System.arraycopy(content, 0, request, head.length(), content.length);
            return request;
        }
    }

    private static final class Tally {
        long requests;
        long failures;
        long longestNanos;
        String firstFailure = "-";
    }

    public static void main(String[] args) throws Exception {
        long periodNanos = Long.parseLong(args[0]) * 1_000_000L;
        long end = System.nanoTime() + (long) (Double.parseDouble(args[1]) * 1e9);
        List<Target> targets = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            targets.add(Target.parse(args[i]));
        }
        Map<Target, Tally> tallies = new LinkedHashMap<>();
        targets.forEach(target -> tallies.put(target, new Tally()));
        for (long next = System.nanoTime(); next < end; next += periodNanos) {
            for (Target target : targets) {
                Tally tally = tallies.get(target);
                long start = System.nanoTime();
                String failure = exchange(target);
                tally.longestNanos = Math.max(tally.longestNanos, System.nanoTime() - start);
                tally.requests++;
                if (failure != null) {
                    tally.failures++;
                    if (tally.firstFailure.equals("-")) {
                        tally.firstFailure = failure.replace(' ', '_');
                    }
                }
            }
            long wait = next + periodNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
        }
        tallies.forEach((target, tally) -> System.out.printf("%s %d %d %.0f %s%n", target.name(), tally.requests,
                tally.failures, tally.longestNanos / 1e6, tally.firstFailure));
    }

    /** @return {@code null} for the normal answer, else what went wrong */
    private static String exchange(Target target) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(target.request());
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return "closed without an answer";
            }
            if (!text.startsWith("HTTP/1.1 2")) {
                return text.substring(0, Math.min(text.length(), 12)).trim();
            }
            return text.contains(target.expected()) ? null : "unexpected body";
        } catch (IOException failed) {
            return failed.getClass().getSimpleName();
        }
    }
}
