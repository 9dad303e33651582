package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import io.switchboard.support.log.RateLimitedLog;

/** Which requests reach a password check, which are let in or refused without one, and with what status. */
class AccessDecisionsTest {
    private static final String USERS = "alice:admin:" + PasswordHash.create("s3cret".toCharArray());
    private final Access access = new Access(new RateLimitedLog(LoggerFactory.getLogger(AccessDecisionsTest.class), "test"));

    @ParameterizedTest
    @ValueSource(strings = { "Forwarded", "X-Forwarded-For", "X-Real-IP", "Via", "x-forwarded-for" })
    void withoutUsersAProxiedRequestIsNotTrusted(String header) throws Exception {
        FakeExchange proxied = FakeExchange.get("/", "127.0.0.1").with(header, "203.0.113.7");
        Access.Refused refused = (Access.Refused) access.check(proxied, Settings.defaults());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).contains("proxy");
        assertThat(access.check(FakeExchange.get("/", "127.0.0.1"), Settings.defaults())).isInstanceOf(Access.Granted.class);
    }

    @Test
    void withoutUsersOnlyLocalClientsAreAnswered() throws Exception {
        assertThat(access.check(FakeExchange.get("/", "127.0.0.2"), Settings.defaults())).isInstanceOf(Access.Granted.class);
        assertThat(((Access.Refused) access.check(FakeExchange.get("/", "192.0.2.1"), Settings.defaults())).status())
                .isEqualTo(403);
        MiHttpSettings narrow = Settings.of(Map.of("local_clients", "127.0.0.1"));
        assertThat(((Access.Refused) access.check(FakeExchange.get("/", "127.0.0.2"), narrow)).status()).isEqualTo(403);
    }

    @Test
    void passwordsFromOtherHostsNeedTlsOrTheOptIn() throws Exception {
        MiHttpSettings users = Settings.of(Map.of("users", USERS));
        Access.Refused cleartext = (Access.Refused) access.check(
                FakeExchange.get("/", "192.0.2.1").with("Authorization", "Basic YWxpY2U6czNjcmV0"), users);
        assertThat(cleartext.status()).isEqualTo(403);
        assertThat(cleartext.challenge()).as("no challenge: a browser would send the password in clear").isFalse();
        assertThat(access.check(FakeExchange.get("/", "192.0.2.1").overTls(), users)).isInstanceOf(Access.Refused.class)
                .extracting(verdict -> ((Access.Refused) verdict).status()).isEqualTo(401);
        MiHttpSettings optIn = Settings.of(Map.of("users", USERS, "allow_cleartext_auth", true));
        assertThat(access.check(FakeExchange.get("/", "192.0.2.1").with("Authorization", "Basic YWxpY2U6czNjcmV0"),
                optIn)).isInstanceOf(Access.Check.class);
        assertThat(access.check(FakeExchange.get("/", "127.0.0.3").with("Authorization", "Basic YWxpY2U6czNjcmV0"),
                users)).as("local clients may").isInstanceOf(Access.Check.class);
    }

    @Test
    void aClientGetsOneGuessAtATime() throws Exception {
        MiHttpSettings users = Settings.of(Map.of("users", USERS));
        FakeExchange wrong = FakeExchange.get("/", "127.0.0.4").with("Authorization", "Basic YWxpY2U6d3Jvbmc=");
        Access.Check first = (Access.Check) access.check(wrong, users);
        assertThat(((Access.Refused) access.check(wrong, users)).status()).as("while the first is checked").isEqualTo(429);
        Access.Refused failed = (Access.Refused) access.verify(first);
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.delayMillis()).isEqualTo(250);
        assertThat(((Access.Refused) access.check(wrong, users)).status()).as("inside the window").isEqualTo(429);
    }

    @Test
    void aGoodPasswordIsCheckedOnceAndRemembered() throws Exception {
        MiHttpSettings users = Settings.of(Map.of("users", USERS));
        FakeExchange good = FakeExchange.get("/", "127.0.0.5").with("Authorization", "Basic YWxpY2U6czNjcmV0");
        Access.Check check = (Access.Check) access.check(good, users);
        assertThat(((Access.Granted) access.verify(check)).caller()).isEqualTo(new Caller("alice", true));
        assertThat(access.check(good, users)).isInstanceOf(Access.Granted.class);
    }

    @Test
    void localClientsAreLoopbackAddressesAndRangesOnly() throws Exception {
        LocalClients local = LocalClients.parse(new String[] { "127.0.0.1, 127.1.0.0/16", "::1" });
        assertThat(local.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(local.contains(InetAddress.getByName("127.1.2.3"))).isTrue();
        assertThat(local.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(local.contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(local.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        for (String bad : new String[] { "10.0.0.0/8", "0.0.0.0/0", "127.0.0.0/7", "::/0", "::1/64", "localhost",
                "127.0.0.1/33", "127.0.0.1/x", "fe80::1" }) {
            assertThatThrownBy(() -> LocalClients.parse(new String[] { bad })).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> Settings.of(Map.of("local_clients", "10.0.0.0/8")))
                .hasMessageContaining("switchboard.mi_http").hasMessageContaining("local_clients=10.0.0.0/8")
                .hasMessageContaining("beyond loopback");
    }
}
