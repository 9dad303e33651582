package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.mi.MiCommand;
import io.switchboard.support.testing.FakeReference;

/** Which MI command answers a name as commands come, change and go; with fake service references. */
class CommandRegistryTest {
    private final CommandRegistry registry = new CommandRegistry(activeBundleContext(), new MiCounters());
    private final MiCommand first = params -> "first";
    private final MiCommand second = params -> "second";

    @Test
    void theBestRankedCommandAnswersANameAndItsAliases() {
        registry.bindMiCommand(first, FakeReference.of(command(1L, 0, "uptime", "core:uptime")));
        registry.bindMiCommand(second, FakeReference.of(command(2L, 5, "uptime", null)));

        assertThat(registry.find("uptime").command()).isSameAs(second);
        assertThat(registry.find("core:uptime").command()).as("an alias only the first has").isSameAs(first);
        assertThat(registry.find("missing")).isNull();
    }

    @Test
    void aCommandRenamedInPlaceAnswersItsNewNameAtOnceAndItsOldNameNoMore() {
        Map<String, Object> properties = command(1L, 0, "old", null);
        registry.bindMiCommand(first, FakeReference.of(properties));

        properties.put(MiCommand.NAME, "new");
        registry.updatedMiCommand(first, FakeReference.of(properties));

        assertThat(registry.find("new").command()).isSameAs(first);
        assertThat(registry.find("old")).isNull();
    }

    @Test
    void aCallOfACommandThatLeftWaitsForTheNextOneOfItsName() throws Exception {
        setSwapHold(60_000);
        ServiceReference<MiCommand> leaving = FakeReference.of(command(1L, 0, "uptime", null));
        registry.bindMiCommand(first, leaving);
        registry.unbindMiCommand(first, leaving);

        CompletableFuture<CommandInfo> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.await("uptime");
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        registry.bindMiCommand(second, FakeReference.of(command(2L, 0, "uptime", null)));

        assertThat(waiting.get(10, TimeUnit.SECONDS).command()).isSameAs(second);
    }

    @Test
    void withoutAHoldANameThatLeftIsGoneAtOnce() throws Exception {
        setSwapHold(0);
        ServiceReference<MiCommand> leaving = FakeReference.of(command(1L, 0, "uptime", null));
        registry.bindMiCommand(first, leaving);
        registry.unbindMiCommand(first, leaving);

        assertThat(registry.await("uptime")).isNull();
    }

    private void setSwapHold(int millis) {
        registry.updatedHttpdRuntime(FakeReference.<HttpdRuntime>of(Map.of("service.id", 99L,
                HttpdRuntime.CONFIG_PREFIX + "swap_hold", millis)));
    }

    private static Map<String, Object> command(long id, int ranking, String name, String alias) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.id", id);
        properties.put("service.ranking", ranking);
        properties.put(MiCommand.NAME, name);
        if (alias != null) {
            properties.put(MiCommand.ALIAS, alias);
        }
        return properties;
    }

    /** The registry asks only whether its own bundle is stopping. */
    private static BundleContext activeBundleContext() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(CommandRegistryTest.class.getClassLoader(),
                new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getState" -> Bundle.ACTIVE;
                default -> throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(CommandRegistryTest.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getBundle" -> bundle;
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
