package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.support.settings.SettingRefusedException;

/** A password hash that could never match, or would take minutes to check, is refused with the configuration. */
class UsersSettingTest {
    private static final String SALT = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pbkdf2-sha256$210000$$HASH           | needs a salt of at least 8 bytes",
            "pbkdf2-sha256$210000$AAAA$HASH       | needs a salt of at least 8 bytes",
            "pbkdf2-sha256$2147483647$SALT$HASH   | needs 10000 to 5000000 iterations",
            "pbkdf2-sha256$9999$SALT$HASH         | needs 10000 to 5000000 iterations",
            "pbkdf2-sha256$-1$SALT$HASH           | needs 10000 to 5000000 iterations",
            "pbkdf2-sha256$210000$SALT$AAAA       | needs a hash of 32 bytes",
            "pbkdf2-sha256$210000$SALT$           | needs a hash of 32 bytes",
            "pbkdf2-sha256$210000$SA!T$HASH       | has a salt that is not base64",
            "pbkdf2-sha256$210000$SALT$HASH$      | must be pbkdf2-sha256",
            "pbkdf2-sha256$many$SALT$HASH         | has no iteration count" })
    void aHashThatCannotWorkIsRefusedNamingTheUserAndTheRule(String hash, String rule) {
        String users = "carol:admin:" + hash.replace("SALT", SALT).replace("HASH", HASH);
        assertThatThrownBy(() -> Settings.of(Map.of("users", users))).isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.mi_http").hasMessageContaining("users=<hidden>")
                .hasMessageContaining("user 'carol'").hasMessageContaining(rule)
                .hasMessageNotContaining(SALT).hasMessageNotContaining(HASH);
    }

    @ParameterizedTest
    @CsvSource({ "10000", "210000", "5000000" })
    void aHashWithinTheRulesIsTaken(int iterations) throws Exception {
        MiHttpSettings settings = Settings.of(Map.of("users", "carol:admin:pbkdf2-sha256$" + iterations + "$" + SALT + "$" + HASH));
        assertThat(settings.users().find("carol")).isPresent();
    }
}
