package io.switchboard.mihttp.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SameOriginTest {
    @ParameterizedTest
    @ValueSource(strings = { "localhost", "LocalHost", "[::1]", "127.0.0.1", "127.1.2.3", "127.255.255.255", "127.000.0.1" })
    void loopbackNamesAreTrusted(String name) {
        assertTrue(SameOrigin.loopbackName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "localhost.evil.example", "127.0.0.1.evil.example", "127.0.0", "127.0.0.1.",
            "127..0.1", "127.0.0.1234", "128.0.0.1", "0127.0.0.1", "127.0.0.x", "127.0.0.-1", "[::2]", "::1",
            "evil127.0.0.1", "127.0.0.1:8888", "127.0.0.1 ", "localho\u017Ft", "LOCALHO\u017FT", "localhost." })
    void otherNamesAreNot(String name) {
        assertFalse(SameOrigin.loopbackName(name), name);
    }
}
