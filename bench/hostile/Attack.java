import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One hostile client load against 127.0.0.1, run until killed; bench/hostile.sh runs each beside a
 * wrk load on /hello. Every kind reconnects when the server closes, so the pressure stays constant.
 * Each client keeps to a pace: an attacker on the same two cores as the server, sending as fast as it
 * can, would measure its own appetite for CPU rather than what its requests cost the server.
 * On exit (SIGTERM) it prints how many attempts it made and what the server answered.
 *
 *   java Attack form PORT           1 MB forms of one repeated name to /mi/help, 4 clients, 50/s
 *   java Attack exponent PORT       JSON-RPC calls with a number of 500 million digits, 4 clients, 100/s
 *   java Attack slowbody PORT PATH  40 bodies of 100 kB announced and sent a byte every 0.4 s
 *   java Attack logins PORT         bad Basic logins from 127.0.0.2-101 at once, 1000/s
 *   java Attack flood PORT          requests refused for their path, 4 clients, 1000/s
 *   java Attack connect PORT        CONNECT requests, 4 clients, 1000/s
 *   java Attack upstream PORT UP    a server on UP sending endless headers; 4 clients ask the MI to rest_get it, 40/s
 *   java Attack hash PASSWORD       prints a hash of PASSWORD for mi_http's users setting
 */
public final class Attack {
    static final AtomicLong attempts = new AtomicLong();
    static final AtomicLong answered = new AtomicLong();
    static final AtomicLong cut = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("hash")) {
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new javax.crypto.spec.PBEKeySpec(args[1].toCharArray(), salt, 210_000, 256)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
            System.out.println("pbkdf2-sha256$210000$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash));
            return;
        }
        int port = Integer.parseInt(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.printf(
                "%s: %d attempts, %d answered, %d cut or refused%n", args[0], attempts.get(), answered.get(), cut.get())));
        switch (args[0]) {
            case "form" -> clients(4, 12.5, () -> post(port, "/mi/help", "application/x-www-form-urlencoded",
                    "a&".repeat(500_000)));
            case "exponent" -> clients(4, 25, () -> post(port, "/mi", "application/json",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"help\",\"params\":{\"mi_cmd\":1e500000000},\"id\":1}"));
            case "slowbody" -> clients(40, 0, () -> trickle(port, args[2]));
            case "logins" -> {
                for (int i = 0; i < 100; i++) {
                    String local = "127.0.0." + (2 + i);
                    clients(1, 10, () -> exchange(port, local, "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                                    ("admin:guess" + attempts.get()).getBytes(StandardCharsets.UTF_8))
                            + "\r\nContent-Type: application/json\r\nContent-Length: 42\r\n\r\n"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"uptime\",\"id\":1}"));
                }
            }
            case "flood" -> clients(4, 250, () -> exchange(port, "127.0.0.1",
                    "GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            case "connect" -> clients(4, 250, () -> exchange(port, "127.0.0.1",
                    "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"));
            case "upstream" -> {
                int upstream = Integer.parseInt(args[2]);
                endlessHeaders(upstream);
                clients(4, 10, () -> post(port, "/mi", "application/json",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"rest_get\",\"params\":{\"url\":\"http://127.0.0.1:" + upstream
                                + "/\"},\"id\":1}"));
            }
            default -> throw new IllegalArgumentException("unknown attack " + args[0]);
        }
        Thread.currentThread().join();
    }

    interface Attempt {
        void run() throws IOException;
    }

    /** Starts {@code count} clients, each making at most {@code perSecond} attempts a second (0: no pace). */
    static void clients(int count, double perSecond, Attempt attempt) {
        long interval = perSecond > 0 ? (long) (1_000_000_000 / perSecond) : 0;
        for (int i = 0; i < count; i++) {
            Thread client = new Thread(() -> {
                long next = System.nanoTime();
                while (true) {
                    attempts.incrementAndGet();
                    try {
                        attempt.run();
                    } catch (IOException refused) {
                        cut.incrementAndGet();
                    }
                    // A client that fell behind (a slow answer) does not make up for it in a burst.
                    next = Math.max(next + interval, System.nanoTime() - interval);
                    pause((next - System.nanoTime()) / 1_000_000);
                }
            });
            client.setDaemon(true);
            client.start();
        }
    }

    static void post(int port, String path, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange(port, "127.0.0.1", "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body);
    }

    /** Sends one request on a new connection and reads the status line of the answer. */
    static void exchange(int port, String local, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (socket.getInputStream().read() >= 0) {
                answered.incrementAndGet();
            }
        }
    }

    static void trickle(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 100_000; i++) {
                out.write('x');
                out.flush();
                if (in.available() > 0) {
                    answered.incrementAndGet();
                    return;
                }
                pause(400);
            }
        }
    }

    static void endlessHeaders(int port) throws IOException {
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = server.accept();
                    Thread sender = new Thread(() -> {
                        try (socket) {
                            OutputStream out = socket.getOutputStream();
                            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
                            byte[] header = ("X-Filler: " + "f".repeat(1000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                            while (true) {
                                out.write(header);
                            }
                        } catch (IOException clientGone) {
                            // the REST client gave up: as it should
                        }
                    });
                    sender.setDaemon(true);
                    sender.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
