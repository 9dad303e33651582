package io.switchboard.mihttp.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens the web page's forms carry so another site cannot make a logged-in browser run
 * commands: {@code <expiry>.<HMAC of caller and expiry>} under a key made at start. Stateless, so
 * nothing grows with the number of pages served; a restart invalidates open pages.
 */
final class CsrfTokens {
    static final long LIFETIME_MILLIS = TimeUnit.HOURS.toMillis(8);

    private final SecretKeySpec key;
    private final LongSupplier clock;

    CsrfTokens(LongSupplier millisClock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = millisClock;
    }

    String issue(Caller caller) {
        long expires = clock.getAsLong() + LIFETIME_MILLIS;
        return expires + "." + sign(caller, expires);
    }

    boolean valid(String token, Caller caller) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            long expires = Long.parseLong(token.substring(0, dot));
            return expires > clock.getAsLong() && MessageDigest.isEqual(
                    sign(caller, expires).getBytes(StandardCharsets.US_ASCII),
                    token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException forged) {
            return false;
        }
    }

    private String sign(Caller caller, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal((caller.name() + "|" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", missing);
        }
    }
}
