package io.switchboard.httpd.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.RootHandler;
import io.switchboard.httpd.RootPath;

/**
 * Every root handler, serving or waiting, and the roots whose handler just left. Writers synchronize
 * and swap in a new immutable table; request threads read the current table without locking.
 * <p>
 * A root whose last handler leaves stays vacant for {@code swap_hold}: its requests wait for the next
 * handler of the root (a bundle being updated registers it again moments later) and are routed again
 * when one comes or the hold passes. A handler that leaves is not called again, and its departure
 * waits (up to half the hold) for the calls it still runs.
 */
final class RootRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RootRegistry.class);

    /** Runs after every change, outside the lock. */
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private final IntSupplier swapHold;
    private final Map<Long, RootEntry> byServiceId = new HashMap<>();
    /** What each handler here has under way, by service id; guarded by {@code this}. */
    private final Map<Long, Exchanges> underWay = new HashMap<>();
    private final Map<String, Vacancy> vacancies = new ConcurrentHashMap<>();
    /** Handlers that left with deferred responses they may still complete, until those are abandoned. */
    private final Set<Exchanges> departed = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Handling> serving = Map.of();
    private volatile List<RootEntry> all = List.of();
    private volatile boolean closed;

    /**
     * @param timer ends vacancies and abandons what departed handlers left open
     * @param swapHold the {@code swap_hold} in force, in milliseconds
     */
    RootRegistry(Runnable onChange, ScheduledExecutorService timer, IntSupplier swapHold) {
        this.onChange = onChange;
        this.timer = timer;
        this.swapHold = swapHold;
    }

    /** A handler and what it has under way. */
    record Handling(RootEntry entry, Exchanges exchanges) {
    }

    /** @return the handler serving {@code root}, or {@code null} */
    Handling serving(String root) {
        return serving.get(root);
    }

    /** @return the vacancy of {@code root} while its handler has just left, or {@code null} */
    Vacancy vacancy(String root) {
        return vacancies.get(root);
    }

    /** @return whether httpd is going away: nothing is routed any more */
    boolean closed() {
        return closed;
    }

    void add(ServiceReference<RootHandler> reference, RootHandler handler) {
        String root = RootEntry.rootOf(reference);
        if (root == null) {
            LOG.error("root handler service {} of bundle {} ignored: property {}={} must be one path segment or {}, "
                    + "and not {}, which httpd's statistics count other requests under",
                    reference.getProperty("service.id"), reference.getBundle(), RootHandler.ROOT,
                    reference.getProperty(RootHandler.ROOT), RootHandler.FALLBACK, RootStatistics.RESERVED);
            return;
        }
        Vacancy filled;
        synchronized (this) {
            if (closed) {
                return;
            }
            Long id = (Long) reference.getProperty("service.id");
            byServiceId.put(id, new RootEntry(reference, handler, root));
            underWay.put(id, new Exchanges());
            // The table takes the root before the vacancy ends: see DispatchHandler's second look.
            rebuild();
            filled = vacancies.remove(root);
        }
        if (filled != null) {
            LOG.debug("root {}: a new handler came within swap_hold; requests that waited go to it", root);
            filled.end();
        }
        onChange.run();
    }

    void modified(ServiceReference<RootHandler> reference, RootHandler handler) {
        String root = RootEntry.rootOf(reference);
        boolean rerouted;
        synchronized (this) {
            Long id = (Long) reference.getProperty("service.id");
            RootEntry current = byServiceId.get(id);
            rerouted = current == null || root == null || !root.equals(current.root());
            if (!rerouted && !current.sameRouting(reference)) {
                // Same root: re-rank in one step, keeping its open deferred responses.
                byServiceId.put(id, current.reranked(reference));
                rebuild();
            }
        }
        if (!rerouted) {
            onChange.run();
        } else if (root == null) {
            depart(reference, false);
            add(reference, handler);
        } else {
            reroute(reference, handler, root);
        }
    }

    /**
     * Moves a handler to another root in one step of the table: no request finds it under neither.
     * The handler stays, so the calls it runs for its old root need not be waited for.
     */
    private void reroute(ServiceReference<RootHandler> reference, RootHandler handler, String root) {
        int hold = swapHold.getAsInt();
        Handling removed;
        Vacancy filled;
        synchronized (this) {
            if (closed) {
                return;
            }
            Long id = (Long) reference.getProperty("service.id");
            removed = removeLocked(id, hold);
            byServiceId.put(id, new RootEntry(reference, handler, root));
            underWay.put(id, new Exchanges());
            rebuild();
            filled = vacancies.remove(root);
        }
        if (filled != null) {
            filled.end();
        }
        onChange.run();
        if (removed != null) {
            departed(removed, false, hold);
        }
    }

    /** The handler's service is going away: it is not called again, and its calls are waited for. */
    void remove(ServiceReference<RootHandler> reference) {
        depart(reference, true);
    }

    /**
     * httpd is going away: nothing is routed by it any more, and the requests that waited for a root
     * are routed again (to be handed back to the anchor).
     */
    void close() {
        List<Vacancy> ended;
        synchronized (this) {
            closed = true;
            ended = new ArrayList<>(vacancies.values());
            vacancies.clear();
        }
        ended.forEach(Vacancy::end);
    }

    /**
     * Gives the deferred responses still open, of the handlers here and of those that left, until
     * {@code deadlineNanos} to complete, then fails them here and now, so that nothing of this httpd
     * runs once its bundle has stopped.
     */
    void abandonOpen(long deadlineNanos) throws InterruptedException {
        List<Exchanges> pending = new ArrayList<>(departed);
        synchronized (this) {
            pending.addAll(underWay.values());
        }
        for (Exchanges exchanges : pending) {
            exchanges.awaitCompleted(deadlineNanos);
        }
        pending.forEach(exchanges -> exchanges.abandonNow("httpd is being updated or is stopping"));
    }

    private void depart(ServiceReference<RootHandler> reference, boolean waitForCalls) {
        int hold = swapHold.getAsInt();
        Handling removed;
        synchronized (this) {
            if (closed) {
                return;
            }
            removed = removeLocked((Long) reference.getProperty("service.id"), hold);
            if (removed == null) {
                return;
            }
            rebuild();
        }
        onChange.run();
        departed(removed, waitForCalls, hold);
    }

    /**
     * Takes a handler out of the entries, the caller holding the lock and rebuilding the table; the
     * last handler of a root leaves a vacancy, opened before the table drops the root, so that a
     * request never finds neither.
     *
     * @return the handler taken out, or {@code null} when there was none
     */
    private Handling removeLocked(Long id, int hold) {
        RootEntry removed = byServiceId.remove(id);
        if (removed == null) {
            return null;
        }
        String root = removed.root();
        boolean last = byServiceId.values().stream().noneMatch(entry -> entry.root().equals(root));
        if (hold > 0 && last && !vacancies.containsKey(root)) {
            Vacancy vacancy = new Vacancy();
            vacancies.put(root, vacancy);
            schedule(() -> expire(root, vacancy), hold);
        }
        return new Handling(removed, underWay.remove(id));
    }

    /** What follows a handler's departure, out of the lock: its calls, then its deferred responses. */
    private void departed(Handling removed, boolean waitForCalls, int hold) {
        if (waitForCalls && hold > 0) {
            waitFor(removed, hold);
        }
        // Deferred responses get the hold to be completed by the handler going away (it may answer
        // them as it stops), then they are failed.
        String reason = "the handler of root " + removed.entry().root() + " went away";
        Exchanges exchanges = removed.exchanges();
        if (hold > 0) {
            departed.add(exchanges);
            schedule(() -> {
                departed.remove(exchanges);
                exchanges.abandon(reason);
            }, hold);
        } else {
            exchanges.abandon(reason);
        }
    }

    /**
     * Waits for the calls the departing handler still runs, for half the hold: the requests that
     * wait meanwhile must still find the next handler, which comes only once the departure is done.
     */
    private static void waitFor(Handling removed, int hold) {
        try {
            if (!removed.exchanges().leave(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hold / 2L))) {
                LOG.warn("root {}: handler service {} left while calls of it still ran {} ms (half of swap_hold) later",
                        removed.entry().root(), removed.entry().serviceId(), hold / 2);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void expire(String root, Vacancy vacancy) {
        if (vacancies.remove(root, vacancy)) {
            LOG.debug("root {}: no new handler within swap_hold; requests that waited are routed without it", root);
            vacancy.end();
        }
    }

    private void schedule(Runnable task, int millis) {
        try {
            timer.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // httpd is going away: close() answers what waits
        }
    }

    /** @return every entry, serving ones first within each root */
    List<RootPath> list() {
        Map<String, Handling> current = serving;
        List<RootPath> result = new ArrayList<>();
        for (RootEntry entry : all) {
            Handling winner = current.get(entry.root());
            result.add(entry.describe(winner != null && winner.entry() == entry));
        }
        return result;
    }

    /** @return every handler, serving or waiting */
    List<RootHandler> handlers() {
        return all.stream().map(RootEntry::handler).toList();
    }

    private void rebuild() {
        TreeSet<RootEntry> sorted = new TreeSet<>(byServiceId.values());
        Map<String, Handling> winners = new HashMap<>();
        for (RootEntry entry : sorted) {
            Handling winner = winners.putIfAbsent(entry.root(),
                    new Handling(entry, underWay.get(entry.serviceId())));
            if (winner != null) {
                LOG.debug("root {}: service {} waits behind service {}", entry.root(), entry.serviceId(),
                        winner.entry().serviceId());
            }
        }
        serving = Map.copyOf(winners);
        all = List.copyOf(sorted);
    }
}
