package io.switchboard.mihttp.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.switchboard.mi.MiCommand;

/**
 * The MI commands registered right now, read from the service registry at each call: {@code which} and
 * {@code help} describe commands, they do not route to them, so they keep no table of their own that
 * could lag behind the registry.
 */
final class CommandIndex {
    private final BundleContext context;

    CommandIndex(BundleContext context) {
        this.context = context;
    }

    /** @return every command name and alias, sorted, each once */
    List<String> names() throws InvalidSyntaxException {
        TreeSet<String> names = new TreeSet<>();
        for (ServiceReference<MiCommand> reference : context.getServiceReferences(MiCommand.class, null)) {
            if (reference.getProperty(MiCommand.NAME) instanceof String name) {
                names.add(name);
            }
            names.addAll(strings(reference.getProperty(MiCommand.ALIAS)));
        }
        return new ArrayList<>(names);
    }

    /**
     * @return the command that answers to {@code name} (a name or an alias): of several, the one
     *         {@link ServiceReference#compareTo} ranks highest
     */
    Optional<ServiceReference<MiCommand>> find(String name) throws InvalidSyntaxException {
        String value = Configurations.escape(name);
        return context.getServiceReferences(MiCommand.class,
                "(|(" + MiCommand.NAME + "=" + value + ")(" + MiCommand.ALIAS + "=" + value + "))").stream()
                .max(ServiceReference::compareTo);
    }

    /** @return a {@code String}, {@code String[]} or collection property as a list; empty when absent */
    static List<String> strings(Object property) {
        if (property instanceof String text) {
            return List.of(text);
        }
        if (property instanceof String[] texts) {
            return Arrays.asList(texts);
        }
        if (property instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
