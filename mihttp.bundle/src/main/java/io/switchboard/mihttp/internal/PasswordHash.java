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
    static final int MIN_ITERATIONS = 10_000;
    /** Some seconds a login: more would let a few logins at once hold the hashing threads for minutes. */
    static final int MAX_ITERATIONS = 5_000_000;
    static final int MIN_SALT_BYTES = 8;
    /** What {@link #derive} makes: a hash of another length could never match. */
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @return a new hash of the password with a random salt */
    static PasswordHash create(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
    }

    /**
     * @return a hash no password matches, that takes as long to check as one {@link #create} makes: random
     *         bytes rather than a derived hash, since deriving one took a tenth of the container's start-up
     */
    static PasswordHash decoy() {
        byte[] salt = new byte[16];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, hash);
    }

    /**
     * Checks every part, so that a hash that could never match, or would take minutes to check, is
     * refused with the configuration rather than failing each login.
     *
     * @param text the stored form
     * @throws IllegalArgumentException naming the rule broken, never the hash
     */
    static PasswordHash parse(String text) {
        String[] parts = text.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("must be " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException badIterations) {
            throw new IllegalArgumentException("has no iteration count");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("needs " + MIN_ITERATIONS + " to " + MAX_ITERATIONS + " iterations");
        }
        byte[] salt = base64(parts[2], "salt");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("needs a salt of at least " + MIN_SALT_BYTES + " bytes");
        }
        byte[] hash = base64(parts[3], "hash");
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("needs a hash of " + HASH_BYTES + " bytes");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    private static byte[] base64(String part, String what) {
        try {
            return Base64.getDecoder().decode(part);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("has a " + what + " that is not base64");
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
            KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", missing);
        }
    }
}
