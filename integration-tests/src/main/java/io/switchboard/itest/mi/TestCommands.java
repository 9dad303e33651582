package io.switchboard.itest.mi;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;

/** Commands the MI tests register for themselves, with known behaviour. */
final class TestCommands {
    private TestCommands() {
    }

    static ServiceRegistration<MiCommand> register(BundleContext context, MiCommand command, String name,
            String[] params, String[] optional, boolean admin, String description) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MiCommand.NAME, name);
        properties.put(MiCommand.PARAMS, params);
        properties.put(MiCommand.OPTIONAL_PARAMS, optional);
        properties.put(MiCommand.ADMIN, admin);
        properties.put(MiCommand.DESCRIPTION, description);
        return context.registerService(MiCommand.class, command, properties);
    }

    /** {@code test_echo a [b]}: answers {@code {"a": a, "b": b}}. */
    static ServiceRegistration<MiCommand> echo(BundleContext context) {
        return register(context, params -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("a", params.get("a"));
            result.put("b", params.get("b"));
            return result;
        }, "test_echo", new String[] { "a" }, new String[] { "b" }, false, "Echoes its parameters");
    }

    /** {@code test_fail}: throws an unexpected exception. */
    static ServiceRegistration<MiCommand> failing(BundleContext context) {
        return register(context, params -> {
            throw new IllegalStateException("boom");
        }, "test_fail", new String[0], new String[0], false, "Fails");
    }

    /** {@code test_missing}: fails with its own code. */
    static ServiceRegistration<MiCommand> ownError(BundleContext context) {
        return register(context, params -> {
            throw new MiException(404, "Not found", "no such thing");
        }, "test_missing", new String[0], new String[0], false, "Finds nothing");
    }

    /** {@code test_count}: counts its calls. */
    static ServiceRegistration<MiCommand> counting(BundleContext context, AtomicInteger calls) {
        return register(context, params -> calls.incrementAndGet(), "test_count", new String[0], new String[0], false,
                "Counts");
    }

    /** {@code test_admin}: an admin-only command. */
    static ServiceRegistration<MiCommand> adminOnly(BundleContext context) {
        return register(context, params -> "done", "test_admin", new String[0], new String[0], true,
                "Needs the admin role");
    }
}
