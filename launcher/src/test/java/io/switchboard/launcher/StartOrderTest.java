package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartOrderTest {

    @Test
    void loggingStopsLastAndPaxWebsServerFirst() {
        assertThat(StartOrder.of("org.ops4j.pax.logging.pax-logging-api")).isEqualTo(StartOrder.LOGGING);
        assertThat(StartOrder.of("org.ops4j.pax.web.pax-web-runtime")).isEqualTo(StartOrder.HTTP_SERVER);
        assertThat(StartOrder.of("switchboard.anchor")).isEqualTo(StartOrder.BUNDLES);
        assertThat(StartOrder.of(null)).isEqualTo(StartOrder.BUNDLES);
        assertThat(StartOrder.LOGGING.level).isLessThan(StartOrder.BUNDLES.level);
        assertThat(StartOrder.BUNDLES.level).isLessThan(StartOrder.HTTP_SERVER.level);
        assertThat(StartOrder.FULL).isEqualTo(StartOrder.HTTP_SERVER.level);
    }
}
