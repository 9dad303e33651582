package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A container started with a bare {@code java -jar} lets G1 give back the heap it no longer uses: the
 * launcher sets the JVM's idle-heap flags once the container has started, and says so.
 */
class IdleHeapTest {
    private static final Duration A_WHILE = Duration.ofSeconds(30);

    @Test
    void theJvmOfABareJavaJarGivesIdleHeapBack() throws Exception {
        try (Container container = Container.start()) {
            String said = container.awaitConsole("i.s.l.Main - idle heap: ", A_WHILE);
            // The JVM picks the serial collector on a machine with one processor or under 1792 MB.
            assumeFalse(said.contains("does not run G1"), said);

            assertThat(said).contains("idle heap: G1PeriodicGCInterval=10000, MinHeapFreeRatio=10, MaxHeapFreeRatio=50");
            assertThat(container.vmFlags()).contains("-XX:G1PeriodicGCInterval=10000", "-XX:MinHeapFreeRatio=10",
                    "-XX:MaxHeapFreeRatio=50");
        }
    }
}
