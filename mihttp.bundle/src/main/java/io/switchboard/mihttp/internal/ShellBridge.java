package io.switchboard.mihttp.internal;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

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
 * answers it. Gogo looks commands up by service, so one {@link Function} service per name.
 */
@Component(immediate = true, service = {})
public final class ShellBridge {
    static final String SCOPE = "mi";

    private final CommandRegistry registry;
    private final BundleContext context;
    private final Invoker invoker;
    private final Map<String, ServiceRegistration<Function>> registrations = new HashMap<>();
    private final Runnable listener = this::sync;
    private boolean active = true;

    @Activate
    public ShellBridge(@Reference CommandRegistry registry, BundleContext context) {
        this.registry = registry;
        this.context = context;
        this.invoker = new Invoker(registry);
        registry.listen(listener);
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        registry.unlisten(listener);
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
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
        return context.registerService(Function.class, new ShellCommand(registry, invoker, name), properties);
    }
}
