package io.switchboard.mihttp.internal;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of logins, off the server's: password hashes take at most a quarter of the machine's
 * processor time, so that a storm of logins leaves the rest to ordinary requests, behind a queue of
 * {@code max_pending_logins}; then, for a login that passed, the request it came with. Closed with
 * the MI: what waits is answered, what runs is waited for, and no thread of it is left.
 */
final class LoginChecks {
    private static final Logger LOG = LoggerFactory.getLogger(LoginChecks.class);
    /** Requests served after their login at once; more are few, as a passed login is remembered. */
    private static final int MAX_CALLS = 16;
    /** How long closing lets queued logins be checked and their requests served before answering the rest. */
    static final long CLOSE_MILLIS = 2_000;

    /** A login waiting for its hash. */
    interface Login extends Runnable {
        /** Answers the request of a login that will not be checked (the queue is full, or the MI is closing). */
        void drop();
    }

    private final ThreadPoolExecutor hashing;
    private final ThreadPoolExecutor calls;
    private final IntSupplier maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final double restPerHash;

    /**
     * The share of the machine's processor time hashes may take. Measured with bench/hostile.sh on two
     * cores: with a whole core hashing, a storm of bad logins left /hello 55-73 % of its throughput.
     */
    private static final double CPU_SHARE = 0.25;

    /** @return checks sized for this machine: a quarter of its cores, at least one thread, resting as needed */
    static LoginChecks forThisMachine(IntSupplier maxPending) {
        double budget = Runtime.getRuntime().availableProcessors() * CPU_SHARE;
        int threads = (int) Math.max(1, Math.ceil(budget));
        return new LoginChecks(threads, Math.min(1, budget / threads), maxPending);
    }

    /**
     * @param busy the share of its time a hashing thread hashes: after a hash that took t, it rests
     *        t × (1 / busy - 1) before the next; 1 for no rest
     */
    LoginChecks(int threads, double busy, IntSupplier maxPending) {
        this.maxPending = maxPending;
        this.restPerHash = 1 / busy - 1;
        this.hashing = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("switchboard-mihttp-login"));
        hashing.allowCoreThreadTimeOut(true);
        this.calls = new ThreadPoolExecutor(0, MAX_CALLS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("switchboard-mihttp-call"));
    }

    /**
     * Queues a login for a hashing thread.
     *
     * @return {@code false} when {@code max_pending_logins} wait already, or the MI is closing: the
     *         login was not queued
     */
    boolean check(Login login) {
        if (pending.incrementAndGet() > maxPending.getAsInt()) {
            pending.decrementAndGet();
            return false;
        }
        try {
            hashing.execute(new Queued(login));
            return true;
        } catch (RejectedExecutionException closing) {
            pending.decrementAndGet();
            return false;
        }
    }

    /**
     * Serves the request of a login that passed, on a thread of its own: a command may take long, and
     * must not hold a hashing thread meanwhile.
     *
     * @throws RejectedExecutionException when {@value #MAX_CALLS} run already, or the MI is closing
     */
    void serve(Runnable call) {
        calls.execute(call);
    }

    /** Lets what is queued and running finish for a moment, answers what is left, and stops every thread. */
    void close() {
        hashing.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_MILLIS);
        try {
            if (!hashing.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                List<Runnable> waiting = hashing.shutdownNow();
                LOG.info("mi_http closing: {} logins not checked in time are answered 503", waiting.size());
                waiting.forEach(queued -> ((Queued) queued).login.drop());
            }
            // Only now: the logins checked while closing still have their requests served.
            calls.shutdown();
            // A hash takes seconds at most (MAX_ITERATIONS); a call as long as its command.
            if (!hashing.awaitTermination(10, TimeUnit.SECONDS)
                    || !calls.awaitTermination(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(10),
                            TimeUnit.NANOSECONDS)) {
                LOG.warn("mi_http closing: login checks or the calls after them still run; they end with their command");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            hashing.shutdownNow().forEach(queued -> ((Queued) queued).login.drop());
        }
    }

    private final class Queued implements Runnable {
        final Login login;

        Queued(Login login) {
            this.login = login;
        }

        @Override
        public void run() {
            pending.decrementAndGet();
            long start = System.nanoTime();
            login.run();
            long rest = (long) ((System.nanoTime() - start) * restPerHash);
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
