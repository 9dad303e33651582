package io.switchboard.mihttp.internal;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes every MI command name and alias a Gogo command {@code mi:<name>} for as long as some command
 * answers it. Gogo looks commands up by service, so one {@link Function} service per name. The
 * registrations happen on a thread of their own: registry changes arrive on whatever thread registered
 * a command, often SCR's, and registering services there under a lock invites deadlocks.
 */
@Component(immediate = true, service = {})
public final class ShellBridge {
    static final String SCOPE = "mi";

    private final CommandRegistry registry;
    private final BundleContext context;
    private final Invoker invoker;
    private final Map<String, ServiceRegistration<Function>> registrations = new HashMap<>();
    private final ExecutorService registrar = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "switchboard-mihttp-shell"));
    private final Runnable listener = this::scheduleSync;
    private boolean active = true;

    @Activate
    public ShellBridge(@Reference CommandRegistry registry, @Reference MiCounters counters, BundleContext context) {
        this.registry = registry;
        this.context = context;
        this.invoker = new Invoker(registry, counters);
    }

    /** Listens once constructed: the registry may call back at once, on another thread. */
    @Activate
    void activate() {
        registry.listen(listener);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        registry.unlisten(listener);
        registrar.shutdown();
        registrar.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (this) {
            active = false;
            registrations.values().forEach(ServiceRegistration::unregister);
            registrations.clear();
        }
    }

    private void scheduleSync() {
        try {
            registrar.execute(this::sync);
        } catch (RejectedExecutionException deactivating) {
            // the shell commands go with the bridge
        }
    }

    private synchronized void sync() {
        if (!active) {
            return;
        }
        Set<String> names = registry.names();
        registrations.entrySet().removeIf(entry -> {
            if (names.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().unregister();
            return true;
        });
        for (String name : names) {
            registrations.computeIfAbsent(name, this::register);
        }
    }

    private ServiceRegistration<Function> register(String name) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CommandProcessor.COMMAND_SCOPE, SCOPE);
        properties.put(CommandProcessor.COMMAND_FUNCTION, name);
        // By hand: one service per MI command name, a number that changes at runtime; DS declares a fixed set.
        return context.registerService(Function.class, new ShellCommand(registry, invoker, name), properties);
    }
}
