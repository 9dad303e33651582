package io.switchboard.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;
import io.switchboard.support.stats.LatencyBuckets;

/**
 * A validated configuration of PID {@value #PID}.
 *
 * @param connLifetime how long a pooled connection may be reused, {@code null} for no limit
 * @param httpVersion {@code curl_http_version}, 0 to 5
 * @param maxHeaderSize the longest response header line in bytes
 * @param maxHeaders the most header fields in a response
 * @param latencyBuckets the bounds in seconds of the latency histograms per outcome
 */
record RestSettings(Duration transferTimeout, Duration connectTimeout, Duration connectPollInterval, int maxTransfers,
        long maxTransferBytes, boolean verifyPeer, boolean verifyHost, Path caPath, int httpVersion,
        boolean expect100, boolean noConcurrentConnects, Duration connLifetime, FollowRedirects followRedirects,
        int maxHeaderSize, int maxHeaders, List<Double> latencyBuckets) {
    static final String PID = "switchboard.rest_client";

    /** HTTP/2 has no header count or line, only a bound on the whole list: the one the two limits imply. */
    int maxHeaderListSize() {
        return maxHeaders * maxHeaderSize;
    }

    /**
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static RestSettings from(RestClientConfiguration config, Map<String, ?> properties) throws SettingRefusedException {
        SettingsReader rules = new SettingsReader(PID, properties);
        int transfer = config.curl__timeout();
        int connect = config.connection__timeout();
        rules.require(connect >= 1, "connection_timeout", connect, "must be at least 1 second");
        rules.require(transfer >= connect, "curl_timeout", transfer, "must be at least connection_timeout (" + connect + ")");
        int poll = config.connect__poll__interval();
        rules.require(poll >= 1 && poll <= 1000, "connect_poll_interval", poll, "must be 1 to 1000 milliseconds");
        rules.require(config.max__async__transfers() >= 1, "max_async_transfers", config.max__async__transfers(),
                "must be at least 1");
        rules.require(config.max__transfer__size() >= 0, "max_transfer_size", config.max__transfer__size(),
                "must be 0 (no limit) or a positive number of KB");
        boolean verifyPeer = zeroOrOne(rules, "ssl_verifypeer", config.ssl__verifypeer());
        boolean verifyHost = zeroOrOne(rules, "ssl_verifyhost", config.ssl__verifyhost());
        String capath = config.ssl__capath().trim();
        rules.require(capath.isEmpty() || Files.isDirectory(Path.of(capath)), "ssl_capath", capath,
                "must be empty or a folder of PEM CA certificates");
        int version = config.curl__http__version();
        rules.require(version >= 0 && version <= 5, "curl_http_version", version, "must be 0 to 5");
        boolean expect100 = trueOrFalse(rules, "enable_expect_100", config.enable__expect__100());
        boolean noConcurrentConnects = trueOrFalse(rules, "no_concurrent_connects", config.no__concurrent__connects());
        int lifetime = config.curl__conn__lifetime();
        rules.require(lifetime >= 0, "curl_conn_lifetime", lifetime, "must be 0 (no limit) or a number of seconds");
        FollowRedirects follow = FollowRedirects.of(rules, config.follow__redirects());
        int headerSize = config.max__header__size();
        rules.require(headerSize >= 1024 && headerSize <= 1024 * 1024, "max_header_size", headerSize,
                "must be 1024 to 1048576 bytes");
        int headers = config.max__headers();
        rules.require(headers >= 1 && headers <= 1000, "max_headers", headers, "must be 1 to 1000");
        List<Double> latencyBuckets = LatencyBuckets.read(rules, config.latency__buckets());
        return new RestSettings(Duration.ofSeconds(transfer), Duration.ofSeconds(connect), Duration.ofMillis(poll),
                config.max__async__transfers(), config.max__transfer__size() * 1024L, verifyPeer, verifyHost,
                capath.isEmpty() ? null : Path.of(capath), version, expect100, noConcurrentConnects,
                lifetime == 0 ? null : Duration.ofSeconds(lifetime), follow, headerSize, headers, latencyBuckets);
    }

    /** An rest_client 0/1 switch such as {@code ssl_verifypeer}. */
    static boolean zeroOrOne(SettingsReader rules, String key, int value) throws SettingRefusedException {
        rules.require(value == 0 || value == 1, key, value, "must be 0 or 1");
        return value == 1;
    }

    /** A boolean written as text: {@code true} or {@code false}, in any case. */
    private static boolean trueOrFalse(SettingsReader rules, String key, String value) throws SettingRefusedException {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        rules.require(text.equals("true") || text.equals("false"), key, value, "must be true or false");
        return text.equals("true");
    }
}
