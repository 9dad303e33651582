package io.switchboard.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.support.settings.SettingRefusedException;

class AllowListTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,      127.0.0.1, true",
            "127.0.0.1,      127.0.0.2, false",
            "127.0.0.0/8,    127.9.9.9, true",
            "10.0.0.0/8,     127.0.0.1, false",
            "::1,            ::1,       true",
            "fe80::/10,      fe80::1,   true",
            "fe80::/10,      ::1,       false",
            "10.1.2.3/8,     10.200.0.1, true",
            "127.0.0.0/31,   127.0.0.1, true",
            "127.0.0.0/31,   127.0.0.2, false",
            "0.0.0.0/0,      192.0.2.1, true",
            "0.0.0.0/0,      ::1,       false",
            "::/0,           ::1,       true" })
    void addressesAndRangesAreChecked(String allowed, String peer, boolean allows) throws Exception {
        AllowList list = AllowList.of("pid", new String[] { allowed });
        assertThat(list.allows(new InetSocketAddress(InetAddress.getByName(peer), 1234))).isEqualTo(allows);
    }

    @Test
    void aValueMayListSeveralSeparatedByCommas() throws Exception {
        AllowList list = AllowList.of("pid", new String[] { "127.0.0.1/32, ::1", "10.0.0.0/8" });
        assertThat(list.allows(new InetSocketAddress(InetAddress.getByName("::1"), 1))).isTrue();
        assertThat(list.allows(new InetSocketAddress(InetAddress.getByName("10.1.1.1"), 1))).isTrue();
        assertThat(list.allows(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 1))).isFalse();
        assertThatThrownBy(() -> AllowList.of("pid", new String[] { "127.0.0.1, example.org" }))
                .isInstanceOf(SettingRefusedException.class).hasMessageContaining("allowed_ips=example.org ");
    }

    @Test
    void anEmptyListAllowsEveryone() throws Exception {
        assertThat(AllowList.of("pid", new String[0]).allows(new InetSocketAddress("127.0.0.2", 1))).isTrue();
    }

    /** Each would be resolved, or read as an address it does not spell, by {@code InetAddress.getByName}. */
    @ParameterizedTest
    @CsvSource({ "example.org", "cafe.be", "cafe.be/32", "localhost", "127.1", "2130706433", "0x7f.0.0.1",
            "127.0.0.256", "127.0.0.1/33", "127.0.0.1/", "127.0.0.1/-1", "::1/129", "::ffff:cafe.be", "cafe:be",
            ".1:2", "[::1]", "fe80::1%lo", "127.0.0.1 /8" })
    void anythingButALiteralIsRefused(String entry) {
        assertThatThrownBy(() -> AllowList.of("switchboard.microhttpd", new String[] { entry }))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("switchboard.microhttpd")
                .hasMessageContaining("allowed_ips=" + entry)
                .hasMessageContaining("never a host name");
    }
}
