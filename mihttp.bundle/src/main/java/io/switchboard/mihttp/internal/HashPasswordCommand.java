package io.switchboard.mihttp.internal;

import org.osgi.service.component.annotations.Component;

/**
 * The Gogo command {@code mihttp:hash_password <password>}: prints the hash to put in a
 * {@code users} entry of {@value MiHttpSettings#PID}.
 */
@Component(service = HashPasswordCommand.class, property = { "osgi.command.scope=mihttp",
        "osgi.command.function=hash_password" })
public final class HashPasswordCommand {

    /** @return {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} */
    public String hash_password(String password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        return PasswordHash.create(password.toCharArray()).toString();
    }
}
