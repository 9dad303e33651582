package io.switchboard.mihttp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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

import io.switchboard.anchor.HttpdAnchor;
import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.mi.MiCommand;

/**
 * Every MI command service, and which one answers each name: the best-ranked service claiming it.
 * Writers rebuild an immutable table; callers read the current one without locking.
 * <p>
 * A name whose command has just left (its bundle is being updated) is vacant for httpd's
 * {@code swap_hold}: a call of it waits for the next command of that name rather than failing with
 * "method not found". A command that leaves takes no new call, and its departure waits (half the hold
 * at most) for the calls it runs.
 * <p>
 * Each command bound is listed in {@link MiCounters}, so its {@code _calls} counter shows at zero from
 * then on. The registry references the counters, not the other way round: {@code get_statistics}, a
 * command bound here, reads them, and SCR logs a circle of references as an error.
 */
@Component(service = CommandRegistry.class)
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    /** httpd's runtime property for {@code swap_hold}. */
    private static final String SWAP_HOLD = HttpdRuntime.CONFIG_PREFIX + "swap_hold";

    private final Map<Long, CommandInfo> byServiceId = new HashMap<>();
    private volatile Map<String, CommandInfo> byName = Map.of();
    /** Names whose command left, with the {@code System.nanoTime()} until which calls wait for a new one. */
    private final Map<String, Long> vacant = new ConcurrentHashMap<>();
    /** The last {@code swap_hold} httpd published, kept while httpd is away. */
    private volatile int swapHoldMillis = HttpdAnchor.DEFAULT_SWAP_HOLD;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Bundle own;
    private final MiCounters counters;

    @Activate
    public CommandRegistry(BundleContext context, @Reference MiCounters counters) {
        this.own = context.getBundle();
        this.counters = counters;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMiCommand(MiCommand command, ServiceReference<MiCommand> reference) {
        CommandInfo info = CommandInfo.of(reference, command);
        if (info == null) {
            LOG.warn("MI command service {} of bundle {} has no {} property; ignored", reference.getProperty("service.id"),
                    reference.getBundle(), MiCommand.NAME);
            return;
        }
        counters.listed(info.name());
        synchronized (this) {
            byServiceId.put(info.serviceId(), info);
            rebuild();
            vacant.keySet().removeIf(byName::containsKey);
            notifyAll();
        }
        changed();
    }

    /** The same service with other properties: its entry is replaced in one step, with no vacancy and no wait. */
    void updatedMiCommand(MiCommand command, ServiceReference<MiCommand> reference) {
        CommandInfo changed = CommandInfo.of(reference, command);
        if (changed != null) {
            counters.listed(changed.name());
        }
        synchronized (this) {
            Long id = (Long) reference.getProperty("service.id");
            CommandInfo current = byServiceId.get(id);
            if (current != null && current.sameAs(reference)) {
                return;
            }
            if (changed == null) {
                byServiceId.remove(id);
            } else {
                byServiceId.put(id, changed.with(current == null ? new CommandCalls() : current.calls()));
            }
            rebuild();
            vacant.keySet().removeIf(byName::containsKey);
            notifyAll();
        }
        changed();
    }

    void unbindMiCommand(MiCommand command, ServiceReference<MiCommand> reference) {
        if (own.getState() == Bundle.STOPPING) {
            // SCR takes this bundle's commands away before the MI root that calls them: until the root
            // is gone (and the calls it runs have ended), the commands stay callable.
            return;
        }
        int hold = swapHoldMillis;
        CommandInfo removed;
        synchronized (this) {
            removed = byServiceId.remove((Long) reference.getProperty("service.id"));
            if (removed == null) {
                return;
            }
            long now = System.nanoTime();
            vacant.values().removeIf(until -> until - now <= 0);
            if (hold > 0) {
                // Vacant before the table drops the names: a caller never finds neither.
                long until = now + TimeUnit.MILLISECONDS.toNanos(hold);
                removed.names().forEach(name -> vacant.put(name, until));
            }
            rebuild();
            vacant.keySet().removeIf(byName::containsKey);
        }
        changed();
        // Half the hold at most: the calls that wait meanwhile must still find the next command.
        try {
            if (!removed.calls().leave(hold / 2)) {
                LOG.warn("MI command {} (service {}) left while calls of it still ran {} ms (half of httpd's swap_hold) later",
                        removed.name(), removed.serviceId(), hold / 2);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(service = HttpdRuntime.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    void bindHttpdRuntime(ServiceReference<HttpdRuntime> runtime) {
        updatedHttpdRuntime(runtime);
    }

    void updatedHttpdRuntime(ServiceReference<HttpdRuntime> runtime) {
        if (runtime.getProperty(SWAP_HOLD) instanceof Integer hold) {
            swapHoldMillis = hold;
        }
    }

    void unbindHttpdRuntime(ServiceReference<HttpdRuntime> runtime) {
        // The last hold stays in force: while httpd is away is when it counts.
    }

    /**
     * @return the command answering this name or alias, waiting for the next one while the name is
     *         vacant; {@code null} when there is none
     */
    CommandInfo await(String name) throws InterruptedException {
        CommandInfo found = byName.get(name);
        if (found != null || vacant.isEmpty()) {
            return found;
        }
        synchronized (this) {
            for (Long until = vacant.get(name); until != null && byName.get(name) == null; until = vacant.get(name)) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    vacant.remove(name, until);
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return byName.get(name);
        }
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
