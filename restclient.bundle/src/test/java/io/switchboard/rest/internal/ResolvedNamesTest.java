package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

/**
 * Which connects can start without waiting for a name lookup: addresses always, names while their
 * answer is kept. The lookups are the test's, and so is the clock.
 */
class ResolvedNamesTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final List<String> lookedUp = new ArrayList<>();
    private long now;
    private final DnsResolver lookups = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            lookedUp.add(host);
            if (host.startsWith("unknown")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 10, 0, 0, (byte) lookedUp.size() }) };
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    @Test
    void addressesNeedNoLookupAndAreNeverKept() throws Exception {
        ResolvedNames names = new ResolvedNames(lookups, TTL, () -> now);
        assertThat(names.answersAtOnce("127.0.0.1")).isTrue();
        assertThat(names.answersAtOnce("::1")).isTrue();
        assertThat(names.answersAtOnce("[::1]")).as("as a URL has it").isTrue();
        names.resolve("127.0.0.1");
        names.resolve("127.0.0.1");
        assertThat(lookedUp).as("handed on each time; the JDK parses it").containsExactly("127.0.0.1", "127.0.0.1");
    }

    @Test
    void aNameAnswersAtOnceFromItsLookupUntilTheTtlPassesInAnyCase() throws Exception {
        ResolvedNames names = new ResolvedNames(lookups, TTL, () -> now);
        assertThat(names.answersAtOnce("upstream.test")).isFalse();
        InetAddress[] first = names.resolve("Upstream.Test");
        assertThat(names.answersAtOnce("upstream.test")).isTrue();
        now = TTL.toNanos() - 1;
        assertThat(names.resolve("UPSTREAM.test")).as("kept").containsExactly(first);
        assertThat(lookedUp).containsExactly("Upstream.Test");

        now = TTL.toNanos();
        assertThat(names.answersAtOnce("upstream.test")).as("expired").isFalse();
        InetAddress[] second = names.resolve("upstream.test");
        assertThat(second).isNotEqualTo(first);
        assertThat(lookedUp).containsExactly("Upstream.Test", "upstream.test");
        assertThat(names.answersAtOnce("upstream.test")).isTrue();
    }

    @Test
    void aFailedLookupIsNotKept() {
        ResolvedNames names = new ResolvedNames(lookups, TTL, () -> now);
        assertThatThrownBy(() -> names.resolve("unknown.test")).isInstanceOf(UnknownHostException.class);
        assertThat(names.answersAtOnce("unknown.test")).isFalse();
        assertThatThrownBy(() -> names.resolve("unknown.test")).isInstanceOf(UnknownHostException.class);
        assertThat(lookedUp).containsExactly("unknown.test", "unknown.test");
    }

    @Test
    void aTtlOfZeroKeepsNothingAndNoneKeepsForEver() throws Exception {
        ResolvedNames never = new ResolvedNames(lookups, Duration.ZERO, () -> now);
        never.resolve("upstream.test");
        assertThat(never.answersAtOnce("upstream.test")).isFalse();

        ResolvedNames forEver = new ResolvedNames(lookups, null, () -> now);
        forEver.resolve("upstream.test");
        now = Long.MAX_VALUE;
        assertThat(forEver.answersAtOnce("upstream.test")).isTrue();
    }

    @Test
    void atMostMaxNamesAreKeptAndExpiredOnesMakeRoom() throws Exception {
        ResolvedNames names = new ResolvedNames(lookups, TTL, () -> now);
        for (int i = 0; i < ResolvedNames.MAX_NAMES; i++) {
            names.resolve("host" + i + ".test");
        }
        names.resolve("one-too-many.test");
        assertThat(names.answersAtOnce("host0.test")).isTrue();
        assertThat(names.answersAtOnce("one-too-many.test")).as("no room").isFalse();

        now = TTL.toNanos();
        names.resolve("later.test");
        assertThat(names.answersAtOnce("later.test")).as("the expired made room").isTrue();
    }

    @Test
    void anAnswerAboutToExpireNoLongerCountsAsKept() throws Exception {
        ResolvedNames names = new ResolvedNames(lookups, TTL, () -> now);
        names.resolve("upstream.test");
        now = TTL.minus(ResolvedNames.MARGIN).toNanos() - 1;
        assertThat(names.answersAtOnce("upstream.test")).isTrue();
        now++;
        assertThat(names.answersAtOnce("upstream.test")).as("HttpClient's own lookup could miss it").isFalse();
        names.resolve("upstream.test");
        assertThat(lookedUp).as("still kept for HttpClient's lookup").containsExactly("upstream.test");
        names.refresh("upstream.test");
        assertThat(lookedUp).as("a starter looks it up anew").containsExactly("upstream.test", "upstream.test");
        assertThat(names.answersAtOnce("upstream.test")).isTrue();
    }

    @Test
    void refreshLooksANameUpAgainAndLeavesFailuresAndAddressesAlone() throws Exception {
        ResolvedNames names = new ResolvedNames(lookups, TTL, () -> now);
        names.refresh("upstream.test");
        assertThat(names.answersAtOnce("upstream.test")).isTrue();
        names.refresh("unknown.test");
        assertThat(names.answersAtOnce("unknown.test")).isFalse();
        names.refresh("127.0.0.1");
        names.refresh(null);
        assertThat(lookedUp).containsExactly("upstream.test", "unknown.test");
    }

    @Test
    void theTtlIsTheJdksSetting() {
        assertThat(ResolvedNames.ttl(null, null)).as("neither set: the JDK's default").isEqualTo(Duration.ofSeconds(30));
        assertThat(ResolvedNames.ttl("5", "0")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ResolvedNames.ttl(null, "0")).as("the system property when the security one is not set")
                .isEqualTo(Duration.ZERO);
        assertThat(ResolvedNames.ttl(" 0 ", null)).isEqualTo(Duration.ZERO);
        assertThat(ResolvedNames.ttl("-1", null)).as("for ever").isNull();
        assertThat(ResolvedNames.ttl("soon", "0")).as("not a number: the JDK's default").isEqualTo(Duration.ofSeconds(30));
        assertThat(ResolvedNames.ttl("99999999999", null)).as("beyond an int, as the JDK reads it: its default")
                .isEqualTo(Duration.ofSeconds(30));
    }
}
