package io.switchboard.mihttp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.mi.MiCommand;

/**
 * Every MI command service, and which one answers each name: the best-ranked service claiming it.
 * Writers rebuild an immutable table; callers read the current one without locking.
 */
@Component(service = CommandRegistry.class)
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<Long, CommandInfo> byServiceId = new HashMap<>();
    private volatile Map<String, CommandInfo> byName = Map.of();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Bundle own;

    @Activate
    public CommandRegistry(BundleContext context) {
        this.own = context.getBundle();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMiCommand(MiCommand command, ServiceReference<MiCommand> reference) {
        CommandInfo info = CommandInfo.of(reference, command);
        if (info == null) {
            LOG.warn("MI command service {} of bundle {} has no {} property; ignored", reference.getProperty("service.id"),
                    reference.getBundle(), MiCommand.NAME);
            return;
        }
        synchronized (this) {
            byServiceId.put(info.serviceId(), info);
            rebuild();
        }
        changed();
    }

    void updatedMiCommand(MiCommand command, ServiceReference<MiCommand> reference) {
        CommandInfo current;
        synchronized (this) {
            current = byServiceId.get((Long) reference.getProperty("service.id"));
        }
        if (current == null || !current.sameAs(reference)) {
            unbindMiCommand(command, reference);
            bindMiCommand(command, reference);
        }
    }

    void unbindMiCommand(MiCommand command, ServiceReference<MiCommand> reference) {
        if (own.getState() == Bundle.STOPPING) {
            // SCR takes this bundle's commands away before the MI root that calls them: until the root
            // is gone (and the calls it runs have ended), the commands stay callable.
            return;
        }
        synchronized (this) {
            if (byServiceId.remove((Long) reference.getProperty("service.id")) == null) {
                return;
            }
            rebuild();
        }
        changed();
    }

    /** @return the command answering this name or alias, or {@code null} */
    CommandInfo find(String name) {
        return byName.get(name);
    }

    /** @return the commands that answer at least one name, by name */
    List<CommandInfo> commands() {
        return List.copyOf(new LinkedHashSet<>(new TreeMap<>(byName).values()));
    }

    /** @return every name and alias that some command answers */
    Set<String> names() {
        return byName.keySet();
    }

    /**
     * Calls the listener now and after every change, until removed. Changes on several threads may
     * call it in any order, so it reads {@link #names()} itself rather than being handed a state.
     */
    void listen(Runnable listener) {
        listeners.add(listener);
        listener.run();
    }

    void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    private void rebuild() {
        Map<String, CommandInfo> table = new HashMap<>();
        List<CommandInfo> ranked = new ArrayList<>(byServiceId.values());
        ranked.sort(null);
        for (CommandInfo info : ranked) {
            for (String name : info.names()) {
                CommandInfo winner = table.putIfAbsent(name, info);
                if (winner != null) {
                    LOG.debug("MI command name {} of service {} waits behind service {}", name, info.serviceId(),
                            winner.serviceId());
                }
            }
        }
        byName = Map.copyOf(table);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
