package io.switchboard.mihttp.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Vector;

import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiException;

class ConfigValuesTest {

    @Test
    void scalarsKeepTheirJsonTypes() throws MiException {
        assertThat(ConfigValues.fromJson("k", "text")).isEqualTo("text");
        assertThat(ConfigValues.fromJson("k", true)).isEqualTo(true);
        assertThat(ConfigValues.fromJson("k", 8888)).isEqualTo(8888L);
        assertThat(ConfigValues.fromJson("k", 1L << 40)).isEqualTo(1L << 40);
        assertThat(ConfigValues.fromJson("k", BigInteger.TEN)).isEqualTo(10L);
        assertThat(ConfigValues.fromJson("k", new BigDecimal("12"))).isEqualTo(12L);
        assertThat(ConfigValues.fromJson("k", new BigDecimal("1.5"))).isEqualTo(1.5d);
        assertThat(ConfigValues.fromJson("k", 2.5d)).isEqualTo(2.5d);
        assertThat(ConfigValues.fromJson("k", 0.5f)).isEqualTo(0.5d);
    }

    @Test
    void arraysOfOneKindBecomeArraysOfIt() throws MiException {
        assertThat(ConfigValues.fromJson("k", List.of("a", "b"))).isEqualTo(new String[] { "a", "b" });
        assertThat(ConfigValues.fromJson("k", List.of(1, 2L))).isEqualTo(new Long[] { 1L, 2L });
        assertThat(ConfigValues.fromJson("k", List.of(1, 2.5))).isEqualTo(new Double[] { 1d, 2.5d });
        assertThat(ConfigValues.fromJson("k", List.of(true, false))).isEqualTo(new Boolean[] { true, false });
        assertThat(ConfigValues.fromJson("k", List.of())).isEqualTo(new String[0]);
    }

    @Test
    void objectsMixedArraysAndHugeIntegersAreInvalidParamsNamingTheKey() {
        for (Object refused : List.of(Map.of("a", 1), List.of("a", 1), List.of(List.of("a")), List.of(Map.of()),
                new BigInteger("123456789012345678901234567890"))) {
            assertThatThrownBy(() -> ConfigValues.fromJson("port", refused)).isInstanceOfSatisfying(MiException.class, e -> {
                assertThat(e.code()).isEqualTo(MiException.INVALID_PARAMS);
                assertThat((String) e.data()).startsWith("property 'port': ");
            });
        }
    }

    @Test
    void configurationValuesBecomeJson() {
        assertThat(ConfigValues.toJson("x")).isEqualTo("x");
        assertThat(ConfigValues.toJson(5)).isEqualTo(5);
        assertThat(ConfigValues.toJson(new String[] { "a", "b" })).isEqualTo(List.of("a", "b"));
        assertThat(ConfigValues.toJson(new int[] { 1, 2 })).isEqualTo(List.of(1, 2));
        assertThat(ConfigValues.toJson(new Vector<>(List.of('c')))).isEqualTo(List.of("c"));
        assertThat(ConfigValues.toJson('c')).isEqualTo("c");
    }

    @Test
    void ldapValuesAreEscaped() {
        assertThat(Configurations.escape("a(b)*c\\d")).isEqualTo("a\\(b\\)\\*c\\\\d");
    }
}
