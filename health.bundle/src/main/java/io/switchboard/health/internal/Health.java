package io.switchboard.health.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

    private final HealthCheckExecutor executor;
    private final BundleContext context;
    /** One thread: the runs are coalesced, never more than one at a time. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "switchboard-health-runs"));
    private final CoalescedRuns<HealthReport> runs = new CoalescedRuns<>(this::run, runner);
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

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        // A run under way is interrupted; the requests waiting for it are answered 500.
        runner.shutdownNow();
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
        return runs.request();
    }

    private HealthReport run() {
        List<String> tags = settings.tags();
        // Tags combine with or: a check with any of them runs (Felix's executor defaults to and).
        List<HealthCheckExecutionResult> results = executor.execute(
                HealthCheckSelector.tags(tags.toArray(String[]::new)),
                new HealthCheckExecutionOptions().setCombineTagsWithOr(true));
        return new HealthReport(results, tags);
    }
}
