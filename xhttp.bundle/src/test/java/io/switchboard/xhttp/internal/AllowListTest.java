package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowListTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,      127.0.0.1, true",
            "127.0.0.1,      127.0.0.2, false",
            "127.0.0.0/8,    127.9.9.9, true",
            "10.0.0.0/8,     127.0.0.1, false",
            "::1,            ::1,       true",
            "fe80::/10,      fe80::1,   true",
            "fe80::/10,      ::1,       false" })
    void addressesAndRangesAreChecked(String allowed, String peer, boolean allows) throws Exception {
        AllowList list = AllowList.of("pid", new String[] { allowed });
        assertThat(list.allows(new InetSocketAddress(InetAddress.getByName(peer), 1234))).isEqualTo(allows);
    }

    @Test
    void anEmptyListAllowsEveryone() throws Exception {
        assertThat(AllowList.of("pid", new String[0]).allows(new InetSocketAddress("127.0.0.2", 1))).isTrue();
    }

    @Test
    void aHostNameIsRefused() {
        assertThatThrownBy(() -> AllowList.of("switchboard.microhttpd", new String[] { "example.org" }))
                .hasMessageContaining("allowed_ips=example.org");
    }
}
