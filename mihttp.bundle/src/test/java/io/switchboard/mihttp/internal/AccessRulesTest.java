package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Password hashes, the users setting, failure delays and form tokens. */
class AccessRulesTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndSurvivesItsTextForm() {
        PasswordHash hash = PasswordHash.create("s3cret".toCharArray());
        PasswordHash again = PasswordHash.parse(hash.toString());
        assertThat(again.matches("s3cret".toCharArray())).isTrue();
        assertThat(again.matches("s3cret ".toCharArray())).isFalse();
        assertThat(hash.toString()).startsWith("pbkdf2-sha256$210000$");
        assertThat(PasswordHash.create("s3cret".toCharArray()).toString()).as("salted").isNotEqualTo(hash.toString());
    }

    @Test
    void theDecoyMatchesNoPasswordAndCostsWhatARealHashCosts() {
        PasswordHash decoy = PasswordHash.decoy();
        assertThat(decoy.matches("".toCharArray())).isFalse();
        assertThat(decoy.matches("decoy".toCharArray())).isFalse();
        assertThat(decoy.iterations()).isEqualTo(PasswordHash.create("x".toCharArray()).iterations());
        assertThat(PasswordHash.parse(decoy.toString()).iterations()).as("a hash the users setting would take")
                .isEqualTo(PasswordHash.DEFAULT_ITERATIONS);
        assertThat(PasswordHash.decoy().toString()).as("random").isNotEqualTo(decoy.toString());
    }

    @Test
    void usersAreReadFromOneStringOrManyAndBadEntriesAreNamedWithoutTheirHash() {
        String hash = PasswordHash.create("x".toCharArray()).toString();
        Users users = Users.parse(new String[] { "alice:admin:" + hash + ", bob:user:" + hash, "carol:user:" + hash });
        assertThat(users.byName()).containsOnlyKeys("alice", "bob", "carol");
        assertThat(users.find("alice").orElseThrow().admin()).isTrue();
        assertThat(users.find("bob").orElseThrow().admin()).isFalse();
        assertThat(Users.parse(new String[0]).none()).isTrue();
        assertThatThrownBy(() -> Users.parse(new String[] { "dave:root:" + hash })).hasMessageContaining("'dave'")
                .hasMessageContaining("role 'root'");
        assertThatThrownBy(() -> Users.parse(new String[] { "erin:user:plain" })).hasMessageContaining("'erin'")
                .hasMessageNotContaining("plain");
        assertThatThrownBy(() -> Users.parse(new String[] { "alice:user:" + hash + ",alice:admin:" + hash }))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Users.parse(new String[] { "nohash" })).hasMessageContaining("name:role:hash");
    }

    @Test
    void failuresOpenAGrowingWindowUntilForgotten() {
        AtomicLong now = new AtomicLong();
        FailureThrottle throttle = new FailureThrottle(now::get);
        assertThat(throttle.begin("127.0.0.2")).isZero();
        assertThat(throttle.failed("127.0.0.2")).isEqualTo(1);
        assertThat(throttle.waitMillis("127.0.0.2")).isBetween(250L, 251L);
        assertThat(throttle.begin("127.0.0.2")).as("inside the window").isBetween(250L, 251L);
        assertThat(throttle.begin("127.0.0.3")).as("per address").isZero();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(throttle.begin("127.0.0.2")).isZero();
        assertThat(throttle.failed("127.0.0.2")).isEqualTo(2);
        assertThat(throttle.waitMillis("127.0.0.2")).isBetween(500L, 501L);
        assertThat(FailureThrottle.delayMillis(50)).isEqualTo(8_000);
        now.addAndGet(FailureThrottle.FORGET_AFTER_NANOS + 1);
        assertThat(throttle.begin("127.0.0.2")).isZero();
        assertThat(throttle.failed("127.0.0.2")).as("forgotten after quiet minutes").isEqualTo(1);
    }

    @Test
    void aClientGetsOneCheckAtATimeAndASuccessKeepsItsCount() {
        AtomicLong now = new AtomicLong();
        FailureThrottle throttle = new FailureThrottle(now::get);
        assertThat(throttle.begin("127.0.0.2")).isZero();
        assertThat(throttle.begin("127.0.0.2")).as("while the first is checked").isEqualTo(FailureThrottle.CHECKING_MILLIS);
        throttle.ended("127.0.0.2");
        assertThat(throttle.size()).as("a client with no failures is not kept").isZero();
        assertThat(throttle.begin("127.0.0.2")).isZero();
        throttle.failed("127.0.0.2");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(throttle.begin("127.0.0.2")).isZero();
        throttle.ended("127.0.0.2");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(throttle.begin("127.0.0.2")).isZero();
        assertThat(throttle.failed("127.0.0.2")).as("the success did not reset the count").isEqualTo(2);
    }

    @Test
    void aFullTableForgetsTheClientsHeardFromLeastRecently() {
        AtomicLong now = new AtomicLong();
        FailureThrottle throttle = new FailureThrottle(now::get);
        for (int i = 0; i < FailureThrottle.MAX_CLIENTS; i++) {
            now.incrementAndGet();
            throttle.begin("client " + i);
            throttle.failed("client " + i);
        }
        assertThat(throttle.begin("one more")).isZero();
        assertThat(throttle.size()).isBetween(FailureThrottle.MAX_CLIENTS * 9 / 10, FailureThrottle.MAX_CLIENTS);
        assertThat(throttle.waitMillis("client " + (FailureThrottle.MAX_CLIENTS - 1))).as("the newest stay").isPositive();
        assertThat(throttle.waitMillis("client 0")).as("the oldest go").isZero();
    }

    @Test
    void ipv6ClientsCountPerSlash64AndLogLinesStayOneLine() throws Exception {
        String a = FailureThrottle.client(new java.net.InetSocketAddress(java.net.InetAddress.getByName("2001:db8::1"), 1));
        String b = FailureThrottle.client(new java.net.InetSocketAddress(java.net.InetAddress.getByName("2001:db8::2:3"), 1));
        String c = FailureThrottle.client(new java.net.InetSocketAddress(java.net.InetAddress.getByName("2001:db9::1"), 1));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(Quoted.printable("eve\nINFO forged line")).isEqualTo("eveINFO forged line");
        assertThat(Quoted.printable("x".repeat(100))).hasSize(67);
    }

    @Test
    void aFormTokenIsBoundToItsCallerAndExpires() {
        AtomicLong now = new AtomicLong(1_000_000);
        CsrfTokens tokens = new CsrfTokens(now::get);
        Caller alice = new Caller("alice", true);
        String token = tokens.issue(alice);
        assertThat(tokens.valid(token, alice)).isTrue();
        assertThat(tokens.valid(token, new Caller("bob", true))).isFalse();
        // The last character of the signature is one of 16 (its low bits are padding): change it for sure.
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "E" : "A");
        assertThat(tokens.valid(forged, alice)).isFalse();
        assertThat(tokens.valid("garbage", alice)).isFalse();
        assertThat(tokens.valid(null, alice)).isFalse();
        assertThat(new CsrfTokens(now::get).valid(token, alice)).as("another key").isFalse();
        now.addAndGet(CsrfTokens.LIFETIME_MILLIS + TimeUnit.SECONDS.toMillis(1));
        assertThat(tokens.valid(token, alice)).isFalse();
    }
}
