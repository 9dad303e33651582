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
import java.util.concurrent.Semaphore;
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
     * @param delayMillis how long to hold the answer back
     * @param challenge whether to ask the client for credentials ({@code WWW-Authenticate})
     * @param retryAfterSeconds the {@code Retry-After} to send, 0 for none
     */
    record Refused(int status, String reason, long delayMillis, boolean challenge, long retryAfterSeconds)
            implements Verdict {
    }

    private record Login(Users.User user, long expiresNanos) {
    }

    private final FailureThrottle throttle = new FailureThrottle(System::nanoTime);
    private final ConcurrentMap<String, Login> remembered = new ConcurrentHashMap<>();
    /** At most as many password hashes at once as there are cores: a login flood cannot take them all. */
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /** Checked for unknown user names, so they take as long as known ones. */
    private final PasswordHash decoy = PasswordHash.create("decoy".toCharArray());

    Verdict check(HttpdRequest request, Users users) {
        InetAddress address = request.remote().getAddress();
        if (users.none()) {
            if (address != null && address.isLoopbackAddress()) {
                return new Granted(Caller.LOOPBACK);
            }
            LOG.warn("mi_http: refused {} {} from {}: no users are configured in {}, so only loopback clients are "
                    + "answered", request.method(), request.url(), request.remote(), MiHttpSettings.PID);
            return new Refused(403, "Forbidden: with no users configured the MI answers loopback clients only", 0,
                    false, 0);
        }
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            LOG.info("mi_http: refused {} {} from {}: no credentials", request.method(), request.url(),
                    request.remote());
            return new Refused(401, "Unauthorized: log in with a user of " + MiHttpSettings.PID, 0, true, 0);
        }
        String key = digest(header.get());
        long now = System.nanoTime();
        Login known = remembered.get(key);
        if (known != null && now - known.expiresNanos < 0 && users.find(known.user.name()).orElse(null) == known.user) {
            return new Granted(new Caller(known.user.name(), known.user.admin()));
        }
        String client = FailureThrottle.client(request.remote());
        long wait = throttle.waitMillis(client);
        if (wait > 0) {
            LOG.debug("mi_http: login from {} refused unchecked: {} ms left after failed logins", request.remote(), wait);
            return new Refused(429, "Too Many Requests: failed logins from this address; retry in " + wait + " ms", 0,
                    false, (wait + 999) / 1000);
        }
        String[] credentials = decode(header.get().substring(6).trim());
        Users.User user = credentials == null ? null : users.find(credentials[0]).orElse(null);
        Boolean matches = verify(user, credentials);
        if (matches == null) {
            return new Refused(503, "Service Unavailable: too many logins at once; retry", 0, false, 1);
        }
        if (matches) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Login(user, now + REMEMBER_NANOS));
            return new Granted(new Caller(user.name(), user.admin()));
        }
        int failures = throttle.failed(client);
        long delay = FailureThrottle.delayMillis(failures);
        LOG.warn("mi_http: login of user '{}' from {} failed ({} in a row from this address; answer held back {} ms)",
                credentials == null ? "?" : Quoted.printable(credentials[0]), request.remote(), failures, delay);
        return new Refused(401, "Unauthorized: wrong user name or password", delay, true, 0);
    }

    /** @return whether the password is the user's, or {@code null} when no hashing slot came free in time */
    private Boolean verify(Users.User user, String[] credentials) {
        try {
            if (!hashing.tryAcquire(5, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            char[] password = credentials == null ? new char[0] : credentials[1].toCharArray();
            boolean matches = (user == null ? decoy : user.password()).matches(password);
            return user != null && matches;
        } finally {
            hashing.release();
        }
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
