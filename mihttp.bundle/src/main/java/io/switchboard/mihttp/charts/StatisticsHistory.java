package io.switchboard.mihttp.charts;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.mihttp.commands.StatisticsGroups;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * The history the MI page's charts draw: a {@link Sampler} run every {@code sample_interval} on a
 * thread of its own, from activation to deactivation, into rings of {@value #CAPACITY} samples.
 * Immediate, so the history builds up before anyone looks.
 */
@Component(service = StatisticsHistory.class, configurationPid = ChartsSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ChartsConfiguration.class)
public final class StatisticsHistory {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsHistory.class);
    /**
     * Samples each ring keeps: fixed, so the memory the charts take depends on the roots and outcomes
     * only, never on the setting; 15 minutes at the default interval of 10 s.
     */
    static final int CAPACITY = 90;

    private final Sampler sampler;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread sampling = new Thread(runnable, "switchboard-mihttp-charts");
        sampling.setDaemon(true);
        return sampling;
    });
    private ScheduledFuture<?> sampling;
    /** {@code null} until a valid configuration arrives. */
    private volatile ChartsSettings settings;

    @Activate
    public StatisticsHistory(@Reference StatisticsGroups groups) {
        this.sampler = new Sampler(groups::group, System::nanoTime, CAPACITY);
    }

    @Activate
    void activate(ChartsConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    @Modified
    synchronized void modified(ChartsConfiguration config, Map<String, Object> properties) {
        ChartsSettings next;
        try {
            next = ChartsSettings.from(config, properties);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), settings == null
                    ? "the MI page's charts sample nothing until a valid configuration arrives"
                    : "the previous configuration stays in force");
            return;
        }
        if (settings != null && settings.sampleInterval().equals(next.sampleInterval())) {
            return;
        }
        long intervalMillis = next.sampleInterval().toMillis();
        // The first sample at once; after a change, one interval on, so no rate is taken over a sliver of time.
        long delayMillis = sampling == null ? 0 : intervalMillis;
        if (sampling != null) {
            sampling.cancel(false);
        }
        sampling = thread.scheduleAtFixedRate(this::sample, delayMillis, intervalMillis, TimeUnit.MILLISECONDS);
        settings = next;
        LOG.debug("MI charts: a sample every {} s, {} kept", next.sampleInterval().toSeconds(), CAPACITY);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.shutdownNow();
        // No sample runs once this is gone.
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("MI charts: a sample still runs after 5 s: a statistics group does not answer");
        }
    }

    private void sample() {
        try {
            sampler.sample();
        } catch (RuntimeException failed) {
            // A failure thrown out of here would end the schedule: the next sample tries again.
            LOG.error("MI charts: a sample failed", failed);
        }
    }

    /** Writes the statistics view, the charts as they are now, into the MI page. */
    public void write(Writer page) throws IOException {
        ChartsSettings current = settings;
        Duration interval = current == null ? null : current.sampleInterval();
        new ChartsView(interval, CAPACITY).write(page, System.nanoTime(), sampler.requests().timeline(),
                sampler.latency().timeline(), sampler.outcomes().timeline());
    }
}
