package io.switchboard.mihttp.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow password hash as the {@code users} setting stores it:
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} with base64 salt and hash. PBKDF2 comes with the
 * JDK, so no library is needed for it.
 */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's figure for PBKDF2-HMAC-SHA256 when it was last revised upward for this scheme. */
    static final int DEFAULT_ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @return a new hash of the password with a random salt */
    static PasswordHash create(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
    }

    /**
     * @param text the stored form
     * @throws IllegalArgumentException when it is not one
     */
    static PasswordHash parse(String text) {
        String[] parts = text.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("must be " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 10_000) {
                throw new IllegalArgumentException("needs at least 10000 iterations");
            }
            return new PasswordHash(iterations, Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3]));
        } catch (NumberFormatException badIterations) {
            throw new IllegalArgumentException("has no iteration count");
        }
    }

    /** @return whether the password is the one hashed, compared in constant time */
    boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    @Override
    public String toString() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", missing);
        }
    }
}
