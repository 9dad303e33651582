package io.switchboard.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;
import io.switchboard.support.stats.ConfiguredGauge;

/**
 * The REST client's statistics group {@value #GROUP}. Counters: the calls per method
 * ({@code get_requests} ... {@code head_requests}, {@code other_requests}); how each call ended, by
 * rest_client's return code, named as {@link RestException}'s constants ({@link Outcome}: {@code outcome_ok}
 * for 1, {@code outcome_refused} -1, {@code outcome_connect_timeout} -2, {@code outcome_transfer_timeout} -3,
 * {@code outcome_already_connecting} -4, {@code outcome_internal} -10); the status of the calls that
 * ended with 1, by class ({@code 1xx} to {@code 5xx}); {@code bytes_in}, the response body bytes
 * callers got (partial ones too); {@code bytes_out}, the request body bytes written to a connection
 * (again for a retry or a redirect that sends the body on). Gauges: {@code in_flight}, the calls
 * running on HttpClient (at most {@code max_async_transfers}), and {@code waiting}, those in line for
 * a slot, and {@code configured}, 1 while a valid configuration is in force (listed while the client
 * runs). Every call counts once in its method and once in its outcome, the calls turned down before
 * they were sent (a bad URL, no configuration) included. Histograms: the latency per outcome
 * ({@code latency_ok} ... {@code latency_internal}, see {@link RestLatency}); {@link #reset(String)}
 * takes a counter's name or a histogram's.
 * <p>
 * Immediate, and apart from the service: the counters live as long as the bundle, across
 * configurations and the service's own deactivation.
 */
@Component(service = { MiStatistics.class, RestStatistics.class }, immediate = true,
        property = MiStatistics.GROUP + "=" + RestStatistics.GROUP)
public final class RestStatistics implements MiStatistics {
    static final String GROUP = "rest";
    static final String IN_FLIGHT = "in_flight";
    static final String WAITING = "waiting";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final String OTHER_REQUESTS = "other_requests";
    private static final String OUTCOME = "outcome_";
    private static final List<String> STATUS_CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");
    private static final String BYTES_IN = "bytes_in";
    private static final String BYTES_OUT = "bytes_out";

    /** Every counter by name, in the order listed; never changed after construction. */
    private final Map<String, LongAdder> counters = new LinkedHashMap<>();
    private final LongAdder inFlight = new LongAdder();
    private final LongAdder waiting = new LongAdder();
    private final ConfiguredGauge configured = new ConfiguredGauge();
    private final RestLatency latency = new RestLatency();

    public RestStatistics() {
        METHODS.forEach(method -> counters.put(requests(method), new LongAdder()));
        counters.put(OTHER_REQUESTS, new LongAdder());
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome.named(OUTCOME), new LongAdder());
        }
        STATUS_CLASSES.forEach(name -> counters.put(name, new LongAdder()));
        counters.put(BYTES_IN, new LongAdder());
        counters.put(BYTES_OUT, new LongAdder());
    }

    private static String requests(String method) {
        return method.toLowerCase() + "_requests";
    }

    /** Counts a call, made with an upper-case method. */
    void requested(String method) {
        counters.get(METHODS.contains(method) ? requests(method) : OTHER_REQUESTS).increment();
    }

    /**
     * Counts how a call ended.
     *
     * @param response the response, when it succeeded
     * @param failure why it failed, a {@link RestException} carrying what had arrived; or {@code null}
     */
    void ended(RestResponse response, Throwable failure) {
        counters.get(Outcome.of(failure).named(OUTCOME)).increment();
        if (failure == null) {
            int statusClass = response.status() / 100;
            if (statusClass >= 1 && statusClass <= STATUS_CLASSES.size()) {
                counters.get(STATUS_CLASSES.get(statusClass - 1)).increment();
            }
            received(response);
        } else if (failure instanceof RestException failed) {
            received(failed.partial());
        }
    }

    private void received(RestResponse arrived) {
        if (arrived != null && arrived.body() != null && arrived.body().length > 0) {
            counters.get(BYTES_IN).add(arrived.body().length);
        }
    }

    /**
     * Times how a call ended for its caller.
     *
     * @param failure {@code null} for a response; else what the caller's future failed with
     * @param nanos from the call to the outcome
     */
    void timed(Throwable failure, long nanos) {
        latency.record(failure, nanos);
    }

    /** Applies {@code latency_buckets}: new bounds start every latency histogram afresh. */
    void latencyBuckets(List<Double> bounds) {
        latency.bounds(bounds);
    }

    /** Counts request body bytes as HttpClient writes the request to a connection. */
    void sent(long bodyBytes) {
        if (bodyBytes > 0) {
            counters.get(BYTES_OUT).add(bodyBytes);
        }
    }

    /** A call gets in line for a slot. */
    void queued() {
        waiting.increment();
    }

    /** A call in line got its slot and runs. */
    void started() {
        waiting.decrement();
        inFlight.increment();
    }

    /** A call in line ended without running (its time ran out, its caller gave up, the service stopped). */
    void leftQueue() {
        waiting.decrement();
    }

    /** Says whether the running client has a valid configuration in force. */
    void configured(boolean inForce) {
        configured.set(inForce);
    }

    /**
     * The client stopped: DS runs it only while someone uses it, so until it runs again it says
     * nothing about its configuration.
     */
    void stopped() {
        configured.unknown();
    }

    /** A running call ended, and gave its slot back. */
    void finished() {
        inFlight.decrement();
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        counters.forEach((name, counter) -> values.put(name, counter.sum()));
        values.put(IN_FLIGHT, inFlight.sum());
        values.put(WAITING, waiting.sum());
        configured.addTo(values);
        return values;
    }

    @Override
    public Set<String> gauges() {
        return Set.of(IN_FLIGHT, WAITING, ConfiguredGauge.NAME);
    }

    @Override
    public Map<String, MiHistogram> histograms() {
        return latency.histograms();
    }

    /** Resets a counter or a histogram; the gauges are levels, which a reset would only falsify. */
    @Override
    public boolean reset(String name) {
        LongAdder counter = counters.get(name);
        if (counter == null) {
            return latency.reset(name);
        }
        counter.reset();
        return true;
    }
}
