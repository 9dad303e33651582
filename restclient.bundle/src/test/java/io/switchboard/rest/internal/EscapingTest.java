package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** rest.escape and rest.unescape with the seed documentation's examples. */
class EscapingTest {
    @Test
    void escapeEncodesAllButUnreservedCharacters() {
        assertThat(Escaping.escape("call@example.com&safe=false")).isEqualTo("call%40example.com%26safe%3Dfalse");
        assertThat(Escaping.escape("a-b_c.d~e f/é")).isEqualTo("a-b_c.d~e%20f%2F%C3%A9");
    }

    @Test
    void unescapeDecodes() {
        assertThat(Escaping.unescape("1%2B1%3D2%21")).isEqualTo("1+1=2!");
        assertThat(Escaping.unescape("call%40example.com%26safe%3Dfalse")).isEqualTo("call@example.com&safe=false");
    }
}
