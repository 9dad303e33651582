package io.switchboard.itest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiHttpRoot;

/** The MI as tests reach it: JSON-RPC posts, its configuration, and clients on other loopback addresses. */
public final class Mi {
    public static final String PID = "switchboard.mi_http";
    public static final JsonMapper JSON = new JsonMapper();

    private Mi() {
    }

    /** Replaces mi_http's configuration and waits until the root is served by mi_http. */
    public static void configure(Map<String, ?> properties) throws Exception {
        Configs.update(PID, properties);
        BundleContext context = FrameworkUtil.getBundle(Mi.class).getBundleContext();
        String root = String.valueOf(properties.containsKey("mi_http_root") ? properties.get("mi_http_root") : "mi");
        StringBuilder filter = new StringBuilder("(&(objectClass=" + RootHandler.class.getName() + ")(httpd.root="
                + root + ")(httpd.module=mi_http)(" + MiHttpRoot.USERS + "=" + users(properties.get("users")) + ")");
        properties.forEach((key, value) -> {
            if (!key.equals("users") && !key.equals("mi_http_root")) {
                filter.append("(mi_http.").append(key.replace("mi_http_", "")).append('=').append(value).append(')');
            }
        });
        ServiceTracker<RootHandler, RootHandler> applied = new ServiceTracker<>(context,
                context.createFilter(filter.append(')').toString()), null);
        applied.open();
        try {
            if (applied.waitForService(10_000) == null) {
                throw new AssertionError("mi_http did not apply " + filter + " within 10 s");
            }
        } finally {
            applied.close();
        }
        HttpdRuntime runtime = Httpd.await("", Duration.ofSeconds(10));
        Configs.await("mi_http serving /" + root, Duration.ofSeconds(10), () -> runtime.roots().stream()
                .anyMatch(path -> path.root().equals(root) && path.module().equals("mi_http") && path.serving()));
    }

    private static int users(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String[] entries) {
            return entries.length;
        }
        return (int) java.util.Arrays.stream(String.valueOf(value).split(",")).filter(e -> !e.isBlank()).count();
    }

    /** Puts the default configuration back: root mi, no users. */
    public static void reset() throws Exception {
        configure(Map.of("mi_http_root", "mi", "mi_http_method", 0));
    }

    public static HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Httpd.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Loopback.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> post(String body) throws Exception {
        return post("/mi", body, null);
    }

    /** @return the parsed answer to a 200 JSON-RPC response */
    public static JsonNode call(String body) throws Exception {
        HttpResponse<String> response = post(body);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a raw request from another loopback address, such as 127.0.0.2, which the MI must treat
     * like any other client address.
     *
     * @return everything the server sent for it; answers held back after failed logins take seconds
     */
    public static String rawFrom(String localAddress, String request) throws Exception {
        return Loopback.rawFrom(localAddress, Httpd.port(), request, Duration.ofSeconds(10));
    }

    /** @return a one-call JSON-RPC POST with {@code Connection: close}, ready for {@link #rawFrom} */
    public static String rawPost(String body, String authorization) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "Content-Length: "
                + bytes.length + "\r\n\r\n" + body;
    }
}
