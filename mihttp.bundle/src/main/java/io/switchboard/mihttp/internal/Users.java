package io.switchboard.mihttp.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The users of the {@code users} setting. Each entry is {@code name:role:hash}; entries are given
 * as separate values or separated by commas, as a {@code .cfg} file can only hold one string.
 */
record Users(Map<String, User> byName) {

    static final String ADMIN = "admin";
    static final String USER = "user";

    /** One user: its name, whether it has the admin role, and its password hash. */
    record User(String name, boolean admin, PasswordHash password) {
    }

    /** @throws IllegalArgumentException naming the bad entry by position and user name */
    static Users parse(String[] values) {
        Map<String, User> users = new LinkedHashMap<>();
        int position = 0;
        for (String value : values == null ? new String[0] : values) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                position++;
                String[] parts = entry.trim().split(":", 3);
                if (parts.length != 3 || parts[0].isEmpty()) {
                    throw new IllegalArgumentException("entry " + position + " must be name:role:hash");
                }
                String name = parts[0];
                if (!parts[1].equals(ADMIN) && !parts[1].equals(USER)) {
                    throw new IllegalArgumentException("user '" + name + "' has role '" + parts[1]
                            + "'; the role must be " + ADMIN + " or " + USER);
                }
                PasswordHash hash;
                try {
                    hash = PasswordHash.parse(parts[2]);
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("the hash of user '" + name + "' " + bad.getMessage()
                            + " (make one with mihttp:hash_password)");
                }
                if (users.putIfAbsent(name, new User(name, parts[1].equals(ADMIN), hash)) != null) {
                    throw new IllegalArgumentException("user '" + name + "' is listed twice");
                }
            }
        }
        return new Users(Map.copyOf(users));
    }

    boolean none() {
        return byName.isEmpty();
    }

    Optional<User> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
