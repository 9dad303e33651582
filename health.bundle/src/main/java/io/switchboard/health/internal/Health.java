package io.switchboard.health.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.RootHandler;
import io.switchboard.support.lifecycle.Gate;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * The health: runs the checks {@code tags} selects through Felix's {@link HealthCheckExecutor}, for
 * the root (moved by a change of {@code root}) and for the MI command {@code health}.
 */
@Component(configurationPid = HealthSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = Health.class)
@Designate(ocd = HealthConfiguration.class)
public final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    static final String MODULE = "health";
    /** Far above a run's own bound (Felix's executor gives the checks 2 s by default). */
    private static final long CLOSE_MILLIS = 10_000;

    private final HealthCheckExecutor executor;
    private final BundleContext context;
    /** One thread: the runs are coalesced, never more than one at a time. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "switchboard-health-runs"));
    private final CoalescedRuns<HealthReport> runs = new CoalescedRuns<>(this::run, runner);
    /** The reports asked for and not yet given: a deactivation lets them end before it stops the runner. */
    private final Gate asked = new Gate();
    private final HealthRoot root = new HealthRoot(() -> this.settings, this::report);
    private volatile HealthSettings settings;
    private ServiceRegistration<RootHandler> registration;

    @Activate
    public Health(@Reference HealthCheckExecutor executor, BundleContext context) {
        this.executor = executor;
        this.context = context;
    }

    @Activate
    void activate(HealthConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    @Modified
    synchronized void modified(HealthConfiguration config, Map<String, Object> properties) {
        HealthSettings next;
        try {
            next = HealthSettings.from(config, properties);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), settings == null
                    ? "the health serves nothing until a valid configuration arrives"
                    : "the previous configuration stays in force");
            return;
        }
        settings = next;
        Hashtable<String, Object> rootProperties = new Hashtable<>();
        rootProperties.put(RootHandler.ROOT, next.root());
        rootProperties.put(RootHandler.MODULE, MODULE);
        if (registration == null) {
            // By hand: DS would register before the settings are checked, without httpd.root.
            registration = context.registerService(RootHandler.class, root, rootProperties);
        } else {
            registration.setProperties(rootProperties);
        }
        LOG.info("health answers under /{} with the checks tagged {}{}", next.root(), String.join(", ", next.tags()),
                next.allowedIps().allowsEveryone() ? "" : " to the clients of allowed_ips");
    }

    /**
     * Ends as httpd's swap contract asks: new requests wait in httpd for the next health, and those
     * asked already get their answer, within {@value #CLOSE_MILLIS} ms.
     */
    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        int left = asked.close(CLOSE_MILLIS);
        if (left > 0) {
            LOG.warn("health stopping: {} answers still wait for the checks after {} ms; they are answered 500",
                    left, CLOSE_MILLIS);
        }
        // After the gate nothing asks for a run: the runner ends once it has answered what it was asked.
        runner.shutdown();
        try {
            if (!runner.awaitTermination(CLOSE_MILLIS, TimeUnit.MILLISECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            runner.shutdownNow();
            Thread.currentThread().interrupt();
        }
        root.close();
    }

    /**
     * @return the report of a run that starts after this call; it fails when no configuration was
     *         ever valid or the health is stopping
     */
    CompletableFuture<HealthReport> report() {
        if (settings == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "no valid configuration of " + HealthSettings.PID + " is in force (the log says why)"));
        }
        if (!asked.enter()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the health is stopping"));
        }
        CompletableFuture<HealthReport> report = runs.request();
        report.whenComplete((done, failed) -> asked.exit());
        return report;
    }

    private HealthReport run() {
        List<String> tags = settings.tags();
        // Tags combine with or: a check with any of them runs (Felix's executor defaults to and).
        List<HealthCheckExecutionResult> results = executor.execute(
                HealthCheckSelector.tags(tags.toArray(String[]::new)),
                new HealthCheckExecutionOptions().setCombineTagsWithOr(true));
        return new HealthReport(results.stream().map(WithdrawnCheck::of).toList(), tags);
    }
}
