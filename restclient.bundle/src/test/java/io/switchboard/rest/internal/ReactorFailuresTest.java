package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ReactorFailuresTest {
    private final List<String> lines = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("is")) {
                    return true;
                }
                lines.add(method.getName() + " " + args[0] + " (" + ((Throwable) args[1]).getClass().getSimpleName() + ")");
                return null;
            });
    private final ReactorFailures failures = new ReactorFailures(logger);

    @Test
    void aFailureWhileTheClientIsOpenIsAnErrorWithItsCause() {
        failures.execute(new IllegalStateException("broken"));

        assertThat(lines).containsExactly("error REST client I/O thread failed: its requests fail until the client "
                + "is replaced (IllegalStateException)");
    }

    @Test
    void aFailureAfterClosingBeganIsTheCloseItselfAndOnlyADebugLine() {
        failures.closing();
        failures.execute(new ConcurrentModificationException());

        assertThat(lines).containsExactly("debug REST client I/O thread ended while the client closed "
                + "(ConcurrentModificationException)");
    }
}
