package io.switchboard.mihttp.internal;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.switchboard.mi.MiCommand;

/** A command registry outside a framework, with commands bound as DS would bind their services. */
final class Commands {
    private static final AtomicLong IDS = new AtomicLong();

    private Commands() {
    }

    static CommandRegistry registry() {
        return registry(new MiCounters());
    }

    /** @return a registry that lists each command it binds in {@code counters} */
    static CommandRegistry registry(MiCounters counters) {
        Bundle bundle = proxy(Bundle.class, Map.of("getState", Bundle.ACTIVE, "getSymbolicName", "test"));
        return new CommandRegistry(proxy(BundleContext.class, Map.of("getBundle", bundle)), counters);
    }

    /** Binds {@code command} under the service properties given (name, params, ...). */
    static void add(CommandRegistry registry, MiCommand command, Map<String, Object> properties) {
        long id = IDS.incrementAndGet();
        @SuppressWarnings("unchecked")
        ServiceReference<MiCommand> reference = (ServiceReference<MiCommand>) Proxy.newProxyInstance(
                Commands.class.getClassLoader(), new Class<?>[] { ServiceReference.class }, (self, method, args) -> {
                    switch (method.getName()) {
                    case "getProperty":
                        return "service.id".equals(args[0]) ? (Object) id : properties.get(args[0]);
                    case "compareTo":
                        return Long.compare((Long) ((ServiceReference<?>) args[0]).getProperty("service.id"), id);
                    case "hashCode":
                        return Long.hashCode(id);
                    case "equals":
                        return self == args[0];
                    default:
                        return null;
                    }
                });
        registry.bindMiCommand(command, reference);
    }

    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(Commands.class.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> answers.get(method.getName())));
    }
}
