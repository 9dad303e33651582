package io.switchboard.mihttp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Two families clash when one would write a sample name the other writes. */
class ExposedNamesTest {

    @Test
    void aCountersSamplesAreTakenWhicheverComesFirst() {
        ExposedNames counterFirst = new ExposedNames(4);
        assertThat(counterFirst.claim("x", ExposedNames.COUNTER)).isNull();
        assertThat(counterFirst.claim("x_total", ExposedNames.GAUGE)).isEqualTo("x");
        assertThat(counterFirst.claim("x_created", ExposedNames.GAUGE)).isEqualTo("x");
        assertThat(counterFirst.claim("x", ExposedNames.GAUGE)).isEqualTo("x");

        ExposedNames gaugeFirst = new ExposedNames(4);
        assertThat(gaugeFirst.claim("x_total", ExposedNames.GAUGE)).isNull();
        assertThat(gaugeFirst.claim("x", ExposedNames.COUNTER)).isEqualTo("x_total");
    }

    @Test
    void everyLongerNameOfAStemIsRemembered() {
        ExposedNames names = new ExposedNames(4);
        assertThat(names.claim("h_count", ExposedNames.GAUGE)).isNull();
        assertThat(names.claim("h_total", ExposedNames.GAUGE)).isNull();
        assertThat(names.claim("h", ExposedNames.COUNTER)).as("h_total").isEqualTo("h_total");
        assertThat(names.claim("h", ExposedNames.HISTOGRAM)).as("h_count").isEqualTo("h_count");
    }

    @Test
    void aSuffixOfAnotherTypeIsNoClash() {
        ExposedNames names = new ExposedNames(4);
        assertThat(names.claim("x_count", ExposedNames.GAUGE)).isNull();
        assertThat(names.claim("x", ExposedNames.COUNTER)).isNull();
        assertThat(names.claim("y", ExposedNames.GAUGE)).isNull();
        assertThat(names.claim("y_count", ExposedNames.GAUGE)).isNull();
        assertThat(names.claim("h", ExposedNames.HISTOGRAM)).isNull();
        assertThat(names.claim("h_bucket", ExposedNames.GAUGE)).isEqualTo("h");
        assertThat(names.claim("h_sum", ExposedNames.COUNTER)).isEqualTo("h");
        assertThat(names.claim("h_sum_total", ExposedNames.GAUGE)).as("no counter h_sum was taken").isNull();
    }

    @Test
    void aRefusedClaimTakesNothing() {
        ExposedNames names = new ExposedNames(4);
        assertThat(names.claim("a_b", ExposedNames.GAUGE)).isNull();
        assertThat(names.claim("a", ExposedNames.HISTOGRAM)).isNull();
        assertThat(names.claim("a_bucket", List.of())).isEqualTo("a");
        assertThat(names.claim("a_bucket_total", ExposedNames.GAUGE)).isNull();
    }
}
