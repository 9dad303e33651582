package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** Password hashes for the {@code users} setting, made as a user makes them: with the Gogo command. */
public final class Passwords {
    private Passwords() {
    }

    public static String hash(CommandProcessor shell, String password) throws Exception {
        try (PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                CommandSession session = shell.createSession(System.in, print, print)) {
            String hash = String.valueOf(session.execute("mihttp:hash_password " + password));
            assertThat(hash).startsWith("pbkdf2-sha256$");
            return hash;
        }
    }
}
