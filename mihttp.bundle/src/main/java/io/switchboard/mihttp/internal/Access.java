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

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.support.log.RateLimitedLog;

/**
 * Who may use the MI. With no users configured only local clients (setting {@code local_clients})
 * are answered, with every right, and not when the request came through a proxy; with users, every
 * request authenticates with HTTP Basic, over TLS unless the client is local or cleartext is allowed.
 * A successful login is remembered for five minutes by a digest of its header, so the slow password
 * hash runs once per client rather than per request, and never on a server thread: {@link #check}
 * hands it out as a {@link Check} for {@link #verify} to run elsewhere. Failures are logged and
 * their answers held back per client address.
 */
final class Access {
    static final String REALM = "Switchboard MI";
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int MAX_REMEMBERED = 1_000;

    /** What a request gets: a caller to run commands for, a refusal, or a password to check first. */
    sealed interface Verdict permits Granted, Refused, Check {
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

    /** A login whose password must be hashed: its throttle entry is taken until {@link #verify} or {@link #dropped}. */
    record Check(String client, String remote, String headerDigest, Users.User user, String[] credentials)
            implements Verdict {
    }

    private record Login(Users.User user, long expiresNanos) {
    }

    private final FailureThrottle throttle = new FailureThrottle(System::nanoTime);
    private final ConcurrentMap<String, Login> remembered = new ConcurrentHashMap<>();
    /** Checked for unknown user names, so they take as long as known ones. */
    private final PasswordHash decoy = PasswordHash.decoy();
    private final RateLimitedLog refusals;

    Access(RateLimitedLog refusals) {
        this.refusals = refusals;
    }

    /** Decides without hashing: fast enough for a server thread. */
    Verdict check(HttpdRequest request, MiHttpSettings settings) {
        InetAddress address = request.remote().getAddress();
        boolean local = settings.localClients().contains(address);
        if (settings.users().none()) {
            return localTrust(request, local);
        }
        String client = FailureThrottle.client(request.remote());
        if (!local && !request.secure() && !settings.allowCleartextAuth()) {
            refusals.warn(client, "mi_http: refused {} {} from {}: passwords over plain HTTP are taken from local "
                    + "clients only; set https=true in switchboard.httpd, or allow_cleartext_auth=true in {}",
                    request.method(), request.url(), request.remote(), MiHttpSettings.PID);
            // No challenge: it would make a browser send the password over plain HTTP.
            return new Refused(403, "Forbidden: the MI takes passwords from other hosts over HTTPS only", 0, false, 0);
        }
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            refusals.info(client, "mi_http: refused {} {} from {}: no credentials", request.method(), request.url(),
                    request.remote());
            return new Refused(401, "Unauthorized: log in with a user of " + MiHttpSettings.PID, 0, true, 0);
        }
        String key = digest(header.get());
        Login known = remembered.get(key);
        if (known != null && System.nanoTime() - known.expiresNanos < 0
                && settings.users().find(known.user.name()).orElse(null) == known.user) {
            return new Granted(new Caller(known.user.name(), known.user.admin()));
        }
        long wait = throttle.begin(client);
        if (wait > 0) {
            refusals.debug(client, "mi_http: login from {} refused unchecked: {} ms left after failed logins",
                    request.remote(), wait);
            return new Refused(429, "Too Many Requests: a login from this address failed or is being checked; "
                    + "retry in " + wait + " ms", 0, false, (wait + 999) / 1000);
        }
        String[] credentials = decode(header.get().substring(6).trim());
        Users.User user = credentials == null ? null : settings.users().find(credentials[0]).orElse(null);
        return new Check(client, String.valueOf(request.remote()), key, user, credentials);
    }

    /** Hashes the password of a login {@link #check} handed out: slow, never on a server thread. */
    Verdict verify(Check login) {
        boolean matches;
        try {
            char[] password = login.credentials() == null ? new char[0] : login.credentials()[1].toCharArray();
            matches = (login.user() == null ? decoy : login.user().password()).matches(password) && login.user() != null;
        } catch (RuntimeException failed) {
            throttle.ended(login.client());
            throw failed;
        }
        if (matches) {
            throttle.ended(login.client());
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(login.headerDigest(), new Login(login.user(), System.nanoTime() + REMEMBER_NANOS));
            return new Granted(new Caller(login.user().name(), login.user().admin()));
        }
        int failures = throttle.failed(login.client());
        long delay = FailureThrottle.delayMillis(failures);
        refusals.warn(login.client(), "mi_http: login of user '{}' from {} failed ({} in a row from this address; "
                + "answer held back {} ms)", login.credentials() == null ? "?" : Quoted.printable(login.credentials()[0]),
                login.remote(), failures, delay);
        return new Refused(401, "Unauthorized: wrong user name or password", delay, true, 0);
    }

    /** A login {@link #check} handed out was never checked: it is not counted. */
    void dropped(Check login) {
        throttle.ended(login.client());
    }

    /** @return the refusal of a login no thread can check now */
    Refused busy(Check login, int maxPending) {
        refusals.warn(login.client(), "mi_http: login from {} refused unchecked: {} logins wait for a check already "
                + "(max_pending_logins in {})", login.remote(), maxPending, MiHttpSettings.PID);
        return new Refused(503, "Service Unavailable: too many logins at once; retry", 0, false, 1);
    }

    /** The client's key for the log limits is made only for a refusal: a granted call never needs it. */
    private Verdict localTrust(HttpdRequest request, boolean local) {
        if (!local) {
            String client = FailureThrottle.client(request.remote());
            refusals.warn(client, "mi_http: refused {} {} from {}: no users are configured in {}, so only "
                    + "local_clients are answered", request.method(), request.url(), request.remote(),
                    MiHttpSettings.PID);
            return new Refused(403, "Forbidden: with no users configured the MI answers local clients only", 0,
                    false, 0);
        }
        Optional<String> proxy = ProxyHeaders.first(request);
        if (proxy.isPresent()) {
            String client = FailureThrottle.client(request.remote());
            refusals.warn(client, "mi_http: refused {} {} from {}: it came through a proxy ({} header), so its client "
                    + "may be anywhere; configure users in {} to serve the MI through a proxy", request.method(),
                    request.url(), request.remote(), proxy.get(), MiHttpSettings.PID);
            return new Refused(403, "Forbidden: the request came through a proxy (" + proxy.get() + " header) and no "
                    + "users are configured; only clients on this host are trusted without a password", 0, false, 0);
        }
        return new Granted(Caller.LOOPBACK);
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
