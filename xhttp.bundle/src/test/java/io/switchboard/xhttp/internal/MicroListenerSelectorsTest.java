package io.switchboard.xhttp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MicroListenerSelectorsTest {
    @Test
    void oneSelectorPerProcessor() {
        assertEquals(2, MicroListener.selectors(2, 16));
        assertEquals(8, MicroListener.selectors(8, 16));
    }

    @Test
    void halfOfMaxThreadsAtMostSoThatBlockingHandlersKeepThreads() {
        assertEquals(8, MicroListener.selectors(64, 16));
        assertEquals(2, MicroListener.selectors(8, 4));
        assertEquals(2, MicroListener.selectors(2, 5));
    }

    @Test
    void atLeastOne() {
        assertEquals(1, MicroListener.selectors(1, 4));
    }
}
