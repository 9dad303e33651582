package io.switchboard.itest.rest;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.switchboard.itest.Configs;
import io.switchboard.rest.RestClient;

/**
 * Writes configurations of {@value #PID} and waits until the service has applied them: DS calls the
 * component's modified method, which publishes the new clients, before it puts the configuration's
 * values on the service, so the service's properties are the fact to wait on.
 */
final class RestConfig {
    static final String PID = "switchboard.rest_client";
    /** Every key with its default, as the service's properties show them when the key is not set. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("curl_timeout", "20"),
            Map.entry("connection_timeout", "20"), Map.entry("connect_poll_interval", "20"),
            Map.entry("max_async_transfers", "100"), Map.entry("max_transfer_size", "10240"),
            Map.entry("ssl_verifypeer", "1"), Map.entry("ssl_verifyhost", "1"), Map.entry("ssl_capath", ""),
            Map.entry("curl_http_version", "0"), Map.entry("enable_expect_100", "false"),
            Map.entry("no_concurrent_connects", "false"), Map.entry("curl_conn_lifetime", "0"),
            Map.entry("follow_redirects", "off"), Map.entry("max_header_size", "8192"),
            Map.entry("max_headers", "100"),
            Map.entry("latency_buckets", "0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10"));

    private RestConfig() {
    }

    /** Applies exactly these values, every other key at its default, and waits for it. */
    static void apply(Map<String, String> values) throws Exception {
        Configs.update(PID, values);
        BundleContext context = FrameworkUtil.getBundle(RestConfig.class).getBundleContext();
        Configs.await("the REST client configured with " + values, Duration.ofSeconds(10), () -> {
            ServiceReference<RestClient> service = context.getServiceReference(RestClient.class);
            return service != null && DEFAULTS.entrySet().stream().allMatch(key -> Objects.equals(
                    values.getOrDefault(key.getKey(), key.getValue()), String.valueOf(service.getProperty(key.getKey()))));
        });
    }

    /** Back to every default. */
    static void reset() throws Exception {
        apply(Map.of());
    }
}
