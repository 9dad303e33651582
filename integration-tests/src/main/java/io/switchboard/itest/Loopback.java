package io.switchboard.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP on 127.0.0.1 for the tests: a client, raw requests, and free ports. */
public final class Loopback {
    public static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Loopback() {
    }

    /** @return a TCP port nothing listens on right now */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends bytes exactly as given, for requests a well-behaved client would not send.
     *
     * @return the status line and everything the server sent until it closed or 5 s passed
     */
    public static String raw(int port, String request) throws IOException {
        return rawFrom(InetAddress.getLoopbackAddress().getHostAddress(), port, request, Duration.ofSeconds(5));
    }

    /**
     * Sends bytes exactly as given from a chosen local address, such as 127.0.0.2 for a client that is
     * not 127.0.0.1, to 127.0.0.1.
     *
     * @return the status line and everything the server sent until the response was complete, the
     *         server closed or {@code wait} passed without a byte
     */
    public static String rawFrom(String localAddress, int port, String request, Duration wait) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    response.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (response.indexOf("\r\n\r\n") >= 0 && complete(response)) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // what arrived is the answer
            }
            return response.toString();
        }
    }

    private static boolean complete(StringBuilder response) {
        int headersEnd = response.indexOf("\r\n\r\n");
        String headers = response.substring(0, headersEnd).toLowerCase();
        if (headers.contains("transfer-encoding: chunked")) {
            return response.lastIndexOf("\r\n0\r\n\r\n") > headersEnd;
        }
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int end = headers.indexOf("\r\n", at);
        long length = Long.parseLong(headers.substring(at + 15, end < 0 ? headers.length() : end).trim());
        return response.length() - headersEnd - 4 >= length;
    }

    /** @return the status code of a raw response */
    public static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }
}
