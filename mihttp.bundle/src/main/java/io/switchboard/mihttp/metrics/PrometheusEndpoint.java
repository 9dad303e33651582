package io.switchboard.mihttp.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

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

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RootHandler;
import io.switchboard.mihttp.commands.StatisticsGroups;
import io.switchboard.mihttp.internal.MiAccess;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * The Prometheus endpoint, as OpenSIPS's prometheus module: owns the root {@code root} (moved by a
 * configuration change) and answers {@code GET} with every statistics group and the JVM's metrics, read at
 * that moment, in the format the scraper's {@code Accept} asks for: OpenMetrics, which Prometheus prefers,
 * or Prometheus text 0.0.4, the default. Who may scrape is the MI's to say ({@link MiAccess}), unless
 * {@code open_scrape} lets everyone.
 */
@Component(configurationPid = PrometheusSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = PrometheusConfiguration.class)
public final class PrometheusEndpoint implements RootHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);
    static final String MODULE = "prometheus";
    /** The prefix of the service properties that show the settings in force, for operators and tests. */
    static final String SETTING = "prometheus.";

    /** Everything that follows from one configuration, swapped in one step. */
    private record State(PrometheusSettings settings, StatisticsFamilies statistics) {
    }

    private final MiAccess access;
    private final StatisticsGroups groups;
    private final BundleContext context;
    private final JvmFamilies jvm = new JvmFamilies();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private volatile State state;
    private ServiceRegistration<RootHandler> registration;
    /** How many families the last scrape had: the next one's tables are made that big at once. */
    private volatile int lastFamilies = 64;

    @Activate
    public PrometheusEndpoint(@Reference MiAccess access, @Reference StatisticsGroups groups,
            BundleContext context) {
        this.access = access;
        this.groups = groups;
        this.context = context;
    }

    /** Applies the first configuration once constructed: httpd never gets an endpoint still being built. */
    @Activate
    void activate(PrometheusConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    @Modified
    synchronized void modified(PrometheusConfiguration config, Map<String, Object> properties) {
        PrometheusSettings settings;
        try {
            settings = PrometheusSettings.from(config, properties);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), state == null
                    ? "the Prometheus endpoint serves nothing until a valid configuration arrives"
                    : "the previous configuration stays in force");
            return;
        }
        state = new State(settings, new StatisticsFamilies(settings, new ScrapeLog()));
        Hashtable<String, Object> rootProperties = new Hashtable<>();
        rootProperties.put(RootHandler.ROOT, settings.root());
        rootProperties.put(RootHandler.MODULE, MODULE);
        rootProperties.put(SETTING + "prefix", settings.prefix());
        rootProperties.put(SETTING + "delimiter", settings.delimiter());
        rootProperties.put(SETTING + "group_mode", settings.groupMode().ordinal());
        rootProperties.put(SETTING + "group_prefix", settings.groupPrefix());
        rootProperties.put(SETTING + "group_label", settings.groupLabel());
        rootProperties.put(SETTING + "open_scrape", settings.openScrape());
        if (registration == null) {
            // By hand, as the MI: DS would register before the settings are checked, without httpd.root.
            registration = context.registerService(RootHandler.class, this, rootProperties);
        } else {
            registration.setProperties(rootProperties);
        }
        LOG.info("prometheus answers under /{} ({})", settings.root(), settings.openScrape()
                ? "open_scrape: to every client" : "to the clients the MI answers");
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        State current = state;
        if (current.settings().openScrape()) {
            serve(request, response, current);
        } else {
            access.admit(request, response, () -> serve(request, response, current));
        }
    }

    private void serve(HttpdRequest request, HttpdResponse response, State current) throws IOException {
        if (!request.path().isEmpty() && !request.path().equals("/")) {
            response.send(404, "text/plain", "Not Found: the metrics are at /" + current.settings().root() + "\n");
        } else if (!request.method().equals("GET")) {
            response.header("Allow", "GET");
            response.send(405, "text/plain", "Method Not Allowed: use GET\n");
        } else {
            String accept = request.header("Accept").orElse(null);
            ExpositionFormatWriter writer = formats.findWriter(accept);
            MetricSnapshots families = collect(current);
            // Streamed as written: every family is read before the first byte goes out.
            response.status(200).contentType(writer.getContentType());
            writer.write(response.output(), families, EscapingScheme.fromAcceptHeader(accept));
        }
    }

    /** @return the JVM's families, then the statistics', no two writing the same sample name */
    private MetricSnapshots collect(State current) {
        ExposedNames exposed = new ExposedNames(lastFamilies);
        List<MetricSnapshot> families = new ArrayList<>(lastFamilies);
        for (MetricSnapshot family : jvm.scrape()) {
            exposed.claim(family);
            families.add(family);
        }
        families.addAll(current.statistics().of(groups.groups(), exposed));
        lastFamilies = families.size();
        return new MetricSnapshots(families);
    }
}
