package io.switchboard.mihttp.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatisticsSelectionTest {

    @Test
    void allSelectsEveryCounter() {
        StatisticsSelection all = StatisticsSelection.of(List.of("all"));
        assertThat(all.matches("httpd", "mi_requests")).isTrue();
        assertThat(all.matches("other", "x")).isTrue();
        assertThat(StatisticsSelection.everything().matches("any", "thing")).isTrue();
    }

    @Test
    void aGroupWithAColonSelectsItsCountersOnly() {
        StatisticsSelection httpd = StatisticsSelection.of(List.of("httpd:"));
        assertThat(httpd.matches("httpd", "mi_requests")).isTrue();
        assertThat(httpd.matches("httpdx", "mi_requests")).isFalse();
        assertThat(httpd.matches("xhttp", "mi_requests")).isFalse();
        assertThat(httpd.selectsGroup("httpd")).isTrue();
        assertThat(httpd.selectsGroup("xhttp")).isFalse();
        assertThat(StatisticsSelection.of(List.of("httpd:x", "x")).selectsGroup("httpd")).isFalse();
    }

    @Test
    void aQualifiedNameSelectsOneCounterOfOneGroup() {
        StatisticsSelection one = StatisticsSelection.of(List.of("httpd:mi_requests"));
        assertThat(one.matches("httpd", "mi_requests")).isTrue();
        assertThat(one.matches("httpd", "mi_2xx")).isFalse();
        assertThat(one.matches("other", "mi_requests")).isFalse();
    }

    @Test
    void aBareNameSelectsThatCounterInAnyGroup() {
        StatisticsSelection bare = StatisticsSelection.of(List.of("mi_requests"));
        assertThat(bare.matches("httpd", "mi_requests")).isTrue();
        assertThat(bare.matches("other", "mi_requests")).isTrue();
        assertThat(bare.matches("httpd", "mi_2xx")).isFalse();
    }

    @Test
    void severalItemsSelectTheirUnion() {
        StatisticsSelection some = StatisticsSelection.of(List.of("a:", "b:x", "y"));
        assertThat(some.matches("a", "anything")).isTrue();
        assertThat(some.matches("b", "x")).isTrue();
        assertThat(some.matches("c", "y")).isTrue();
        assertThat(some.matches("b", "z")).isFalse();
    }

    @Test
    void nothingAndOddItemsSelectNothing() {
        assertThat(StatisticsSelection.of(List.of()).matches("a", "b")).isFalse();
        assertThat(StatisticsSelection.of(List.of(":", "")).matches("a", "b")).isFalse();
        assertThat(StatisticsSelection.of(List.of("All")).matches("a", "b")).isFalse();
    }
}
