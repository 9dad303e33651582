package io.switchboard.rest.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestRequest;
import io.switchboard.support.log.RateLimitedLog;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * The {@link RestClient} service. A new configuration, or a TLS domain that comes, goes or changes,
 * publishes a new set of {@link ClientSet} in one volatile write; requests already sent finish on the
 * clients they started with, which close after their last request.
 */
@Component(configurationPid = RestSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestClientConfiguration.class)
public final class HttpRestClient implements RestClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRestClient.class);
    /** Compiled once: every request is checked against it. */
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    /** Retired clients close on a thread of their own: closing waits for the client's I/O threads. */
    private static final Executor CLOSER = task -> {
        Thread closer = new Thread(task, "switchboard-rest-close");
        closer.setDaemon(true);
        closer.start();
    };

    /**
     * Threads that hand requests to HttpClient: enough that one slow name lookup does not hold up
     * every other start, few because a start is otherwise quick.
     */
    private static final int STARTERS = 4;
    /** How long calls under way may take to finish when the service stops. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            runnable -> new Thread(runnable, "switchboard-rest-timeouts"));
    private final ThreadPoolExecutor starter = starter();
    private final Set<String> connecting = ConcurrentHashMap.newKeySet();
    private final ServiceResources resources;
    private final RestStatistics statistics;
    private final TlsDomains domains = new TlsDomains();
    private volatile ClientSet clients;
    /** The current configuration's own TLS settings: an unnamed domain. */
    private TlsDomainSettings ownTls;

    @Activate
    public HttpRestClient(RestClientConfiguration config, Map<String, Object> properties,
            @Reference RestStatistics statistics) {
        this.statistics = statistics;
        resources = new ServiceResources(new TransferLimit(1, starter), connecting, new Deadlines(timer), CLOSER,
                ConcurrentHashMap.newKeySet(),
                new RateLimitedLog(LoggerFactory.getLogger(Transfer.class), "REST failure"), starter, statistics,
                ResolvedNames.system());
        modified(config, properties);
    }

    /** Applies a configuration; until a first valid one arrives every request fails with -10. */
    @Modified
    synchronized void modified(RestClientConfiguration config, Map<String, Object> properties) {
        RestSettings settings;
        SSLContext tls;
        try {
            settings = RestSettings.from(config, properties);
            if (clients != null && settings.equals(clients.settings())) {
                // ConfigAdmin delivers an unchanged configuration too; new pools would only cost connections.
                LOG.debug("configuration {} unchanged", RestSettings.PID);
                return;
            }
            tls = Trust.context(settings.verifyPeer(), settings.caPath(), null);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), clients == null
                    ? "requests fail with -10 until a valid configuration arrives"
                    : "the previous configuration stays in force");
            statistics.configured(clients != null);
            return;
        } catch (GeneralSecurityException | IOException unusable) {
            LOG.error("configuration {} refused: ssl_capath={} must hold readable PEM certificates ({}); {}",
                    RestSettings.PID, config.ssl__capath(), unusable.toString(), clients == null
                            ? "requests fail with -10 until a valid configuration arrives"
                            : "the previous configuration stays in force");
            statistics.configured(clients != null);
            return;
        }
        if (settings.httpVersion() == 1) {
            LOG.warn("configuration {}: curl_http_version=1 sends HTTP/1.1 request lines, one request per connection "
                    + "(Connection: close): HttpClient 5 cannot write HTTP/1.0 ones", RestSettings.PID);
        }
        ownTls = new TlsDomainSettings(null, tls, settings.verifyHost());
        resources.slots().limit(settings.maxTransfers());
        statistics.latencyBuckets(settings.latencyBuckets());
        publish(settings);
        statistics.configured(true);
        LOG.info("configuration {} applied", RestSettings.PID);
    }

    @Reference(service = TlsDomain.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindTlsDomain(ServiceReference<TlsDomain> reference, TlsDomain domain) {
        domains.put(reference, domain);
        republish();
    }

    /** DS calls this after the domain applied a new configuration (its service properties changed). */
    synchronized void updatedTlsDomain(ServiceReference<TlsDomain> reference, TlsDomain domain) {
        domains.put(reference, domain);
        republish();
    }

    synchronized void unbindTlsDomain(ServiceReference<TlsDomain> reference, TlsDomain domain) {
        domains.remove(reference);
        republish();
    }

    /**
     * New requests on this service object fail at once. Those under way get {@link #DRAIN} to finish on
     * the clients they started with; the rest fail with -10. Then every client, the timer and the
     * starters stop before this returns: once the bundle has stopped its classes can no longer be
     * loaded, so nothing of it may still run.
     */
    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        ClientSet last = clients;
        clients = null;
        statistics.stopped();
        if (last != null) {
            last.retireAllBut(null);
        }
        resources.deadlines().awaitNoneLeft(DRAIN);
        resources.deadlines().abortAll("the REST client service stopped (its bundle was updated or stopped) before "
                + "the transfer completed");
        List.copyOf(resources.open()).forEach(PooledClient::close);
        timer.shutdownNow();
        starter.shutdownNow();
        timer.awaitTermination(1, TimeUnit.SECONDS);
        starter.awaitTermination(1, TimeUnit.SECONDS);
        resources.failures().flush();
    }

    private static ThreadPoolExecutor starter() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor starter = new ThreadPoolExecutor(STARTERS, STARTERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "switchboard-rest-start-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        starter.allowCoreThreadTimeOut(true);
        return starter;
    }

    private void republish() {
        if (clients != null) {
            publish(clients.settings());
        }
    }

    /**
     * Builds the clients the configuration and the TLS domains call for, keeping those whose
     * configuration and domain are unchanged, publishes them, and retires the ones left over.
     */
    private void publish(RestSettings settings) {
        ClientSet old = clients;
        boolean sameSettings = old != null && old.settings() == settings;
        PooledClient own = sameSettings ? old.own() : new PooledClient(settings, ownTls, resources);
        Map<String, PooledClient> byDomain = new HashMap<>();
        domains.byName().forEach((name, domain) -> {
            PooledClient previous = sameSettings ? old.domains().get(name) : null;
            byDomain.put(name, previous != null && previous.domain() == domain ? previous
                    : new PooledClient(settings, domain, resources));
        });
        ClientSet next = new ClientSet(settings, own, byDomain);
        clients = next;
        if (old != null) {
            old.retireAllBut(next);
        }
    }

    @Override
    public RestRequest request(String method, String url) {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("method must be an upper-case token: " + method);
        }
        return new RequestBuilder(() -> clients, statistics, method, url);
    }

    @Override
    public String escape(String text) {
        return Escaping.escape(text);
    }

    @Override
    public String unescape(String text) {
        return Escaping.unescape(text);
    }
}
