package io.switchboard.mihttp.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.HttpdRequest;

/**
 * Who may use the MI. With no users configured only loopback clients are answered, with every right;
 * with users, every request authenticates with HTTP Basic. A successful login is remembered for five
 * minutes by a digest of its header, so the slow password hash runs once per client rather than per
 * request; failures are logged and their answers held back per client address.
 */
final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    static final String REALM = "Switchboard MI";
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int MAX_REMEMBERED = 1_000;

    /** What a request gets: a caller to run commands for, or a refusal to send after a delay. */
    sealed interface Verdict permits Granted, Refused {
    }

    record Granted(Caller caller) implements Verdict {
    }

    /**
     * @param challenge whether to ask the client for credentials ({@code WWW-Authenticate})
     */
    record Refused(int status, String reason, long delayMillis, boolean challenge) implements Verdict {
    }

    private record Login(Users.User user, long expiresNanos) {
    }

    private final FailureThrottle throttle = new FailureThrottle(System::nanoTime);
    private final ConcurrentMap<String, Login> remembered = new ConcurrentHashMap<>();

    Verdict check(HttpdRequest request, Users users) {
        InetAddress client = request.remote().getAddress();
        if (users.none()) {
            if (client != null && client.isLoopbackAddress()) {
                return new Granted(Caller.LOOPBACK);
            }
            LOG.warn("mi_http: refused {} {} from {}: no users are configured in {}, so only loopback clients are "
                    + "answered", request.method(), request.url(), request.remote(), MiHttpSettings.PID);
            return new Refused(403, "Forbidden: with no users configured the MI answers loopback clients only", 0,
                    false);
        }
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            LOG.info("mi_http: refused {} {} from {}: no credentials", request.method(), request.url(),
                    request.remote());
            return new Refused(401, "Unauthorized: log in with a user of " + MiHttpSettings.PID, 0, true);
        }
        String key = digest(header.get());
        long now = System.nanoTime();
        Login known = remembered.get(key);
        if (known != null && now - known.expiresNanos < 0 && users.find(known.user.name()).orElse(null) == known.user) {
            return new Granted(new Caller(known.user.name(), known.user.admin()));
        }
        String[] credentials = decode(header.get().substring(6).trim());
        Users.User user = credentials == null ? null : users.find(credentials[0]).orElse(null);
        if (user != null && user.password().matches(credentials[1].toCharArray())) {
            throttle.succeeded(request.remote().getHostString());
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Login(user, now + REMEMBER_NANOS));
            return new Granted(new Caller(user.name(), user.admin()));
        }
        int failures = throttle.failed(request.remote().getHostString());
        long delay = FailureThrottle.delayMillis(failures);
        LOG.warn("mi_http: login of user '{}' from {} failed ({} in a row from this address; answer held back {} ms)",
                credentials == null ? "?" : credentials[0], request.remote(), failures, delay);
        return new Refused(401, "Unauthorized: wrong user name or password", delay, true);
    }

    /** @return user and password, or {@code null} when the header is not valid Basic credentials */
    private static String[] decode(String base64) {
        try {
            String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 0 ? null : new String[] { text.substring(0, colon), text.substring(colon + 1) };
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String digest(String header) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("the JDK lacks SHA-256", missing);
        }
    }
}
