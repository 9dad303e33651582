package io.switchboard.launcher;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.service.condition.Condition;

import io.switchboard.anchor.GracefulListener;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT stop the framework gracefully and let the JVM exit 0 afterwards, where the JVM's
 * own handling would run the shutdown hooks and exit 143 in the middle of it. The first signal stops
 * the framework, whose graceful shutdown lets requests in flight finish; the second tells that
 * shutdown to stop waiting ({@link GracefulListener#CUT_CONDITION}), and ends the JVM if the framework
 * has not stopped {@value #CUT_WAIT_SECONDS} s later.
 */
final class StopOnSignal implements SignalHandler {
    private static final Logger LOG = Logger.getLogger(StopOnSignal.class.getName());
    private static final long CUT_WAIT_SECONDS = 10;

    private final Framework framework;
    private final AtomicInteger received = new AtomicInteger();

    private StopOnSignal(Framework framework) {
        this.framework = framework;
    }

    static void install(Framework framework) {
        StopOnSignal handler = new StopOnSignal(framework);
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }

    @Override
    public void handle(Signal signal) {
        String name = "SIG" + signal.getName();
        int count = received.incrementAndGet();
        if (count == 1) {
            LOG.info(name + ": stopping Switchboard; a second signal cuts the requests still in flight");
            try {
                framework.stop();
            } catch (BundleException | RuntimeException failed) {
                LOG.severe("the framework could not be stopped: " + failed);
                Runtime.getRuntime().halt(1);
            }
        } else if (count == 2) {
            LOG.warning(name + " again: cutting the requests still in flight");
            cut();
        } else {
            LOG.warning(name + " again: Switchboard is already cutting what is in flight and stopping");
        }
    }

    private void cut() {
        BundleContext context = framework.getBundleContext();
        try {
            if (context != null) {
                context.registerService(Condition.class, Condition.INSTANCE,
                        FrameworkUtil.asDictionary(Map.of(Condition.CONDITION_ID, GracefulListener.CUT_CONDITION)));
            }
        } catch (IllegalStateException stopped) {
            // the framework is past its bundles already
        }
        Thread watchdog = new Thread(() -> {
            try {
                FrameworkEvent event = framework.waitForStop(TimeUnit.SECONDS.toMillis(CUT_WAIT_SECONDS));
                if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                    System.err.println("switchboard: the framework did not stop within " + CUT_WAIT_SECONDS
                            + " s of the second signal; exiting without it");
                    Runtime.getRuntime().halt(1);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "switchboard-cut-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
