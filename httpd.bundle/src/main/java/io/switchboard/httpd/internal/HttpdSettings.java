package io.switchboard.httpd.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.switchboard.support.net.IpLiteral;
import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;
import io.switchboard.support.stats.LatencyBuckets;

/**
 * A validated configuration of PID {@value #PID}. Every value is checked before anything is applied,
 * so a refused configuration leaves the running one untouched.
 *
 * @param latencyBuckets the bounds in seconds of each root's latency histogram
 * @param counting what httpd counts of each root
 */
record HttpdSettings(String ip, int port, int bufSize, int postBufSize, long maxBodySize, Forms forms,
        int bodyTimeout, int idleTimeout, int asyncTimeout, int maxThreads, int swapHold, int shutdownGrace,
        List<Double> latencyBuckets, RootStatistics.Counting counting, Tls tls) {

    static final String PID = "switchboard.httpd";

    /** The bounds of the arguments {@code arg()} and {@code args()} parse. */
    record Forms(int maxSize, int maxKeys) {
    }

    /** The keystore of the HTTPS listener; {@code null} in {@link HttpdSettings#tls} for plain HTTP. */
    record Tls(String keystore, String keystorePassword, String keystoreType, String keyPassword) {
    }

    /**
     * What {@code max_threads=0} means. Threads beyond a few per core cost throughput: on 2 cores a
     * trivial reply ran at 90,000 requests/s with 16 threads and 76,000 with 64.
     */
    static final String AUTO_THREADS_TEXT = "8 per processor, at least 16";

    /**
     * Reads and checks a configuration.
     *
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static HttpdSettings from(HttpdConfiguration config, Map<String, ?> properties) throws SettingRefusedException {
        SettingsReader r = new SettingsReader(PID, properties);
        String ip = r.read("ip", () -> config.ip().trim(), v -> v.isEmpty() || IpLiteral.isLiteral(v),
                "must be empty (all addresses) or an IPv4 or IPv6 address");
        int port = r.read("port", () -> config.port(), v -> v >= 1024 && v <= 65535,
                "must be 1024-65535; ports 1-1023 are privileged and refused");
        int bufSize = r.read("buf_size", () -> config.buf__size(), v -> v >= 0 && v <= 64 << 20,
                "must be 0 (engine default) to 67108864 bytes");
        int postBufSize = r.read("post_buf_size", () -> config.post__buf__size(), v -> v >= 256 && v <= 64 << 20,
                "must be 256 to 67108864 bytes");
        long maxBody = r.read("max_body_size", () -> config.max__body__size(), v -> v >= 0,
                "must be 0 (no limit) or a positive number of bytes");
        int maxFormSize = r.read("max_form_size", () -> config.max__form__size(), v -> v >= 1 && v <= 64 << 20,
                "must be 1 to 67108864 bytes");
        int maxFormKeys = r.read("max_form_keys", () -> config.max__form__keys(), v -> v >= 1,
                "must be at least 1 argument");
        int bodyTimeout = r.read("body_timeout", () -> config.body__timeout(), v -> v >= 100,
                "must be at least 100 milliseconds");
        int idle = r.read("idle_timeout", () -> config.idle__timeout(), v -> v >= 100,
                "must be at least 100 milliseconds");
        int async = r.read("async_timeout", () -> config.async__timeout(), v -> v >= 1,
                "must be at least 1 millisecond");
        int maxThreads = r.read("max_threads", () -> config.max__threads(), v -> v == 0 || v >= 8 && v <= 10_000,
                "must be 0 (" + AUTO_THREADS_TEXT + ") or 8 to 10000");
        if (maxThreads == 0) {
            maxThreads = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        }
        // Unset, the default gives way to a shorter idle_timeout rather than refuse it.
        int swapHold = r.isSet("swap_hold")
                ? r.read("swap_hold", () -> config.swap__hold(), v -> v >= 0 && v <= idle,
                        "must be 0 (requests are not held) to idle_timeout (" + idle + ") milliseconds: a request "
                                + "held longer would be failed by its idle connection")
                : Math.min(config.swap__hold(), idle);
        int shutdownGrace = r.read("shutdown_grace", () -> config.shutdown__grace(), v -> v >= 0 && v <= 3_600_000,
                "must be 0 (no wait) to 3600000 milliseconds");
        List<Double> latencyBuckets = LatencyBuckets.read(r, config.latency__buckets());
        RootStatistics.Counting counting = RootStatistics.Counting.named(r.read("statistics",
                () -> config.statistics().trim(), v -> RootStatistics.Counting.named(v) != null,
                "must be all, counters or none"));
        boolean https = r.read("https", () -> config.https(), v -> true, "must be true or false");
        Tls tls = null;
        if (https) {
            String keystore = r.read("tls_keystore", () -> config.tls__keystore().trim(),
                    v -> !v.isEmpty() && Files.isReadable(Path.of(v)),
                    "must name a readable keystore file when https=true");
            String type = r.read("tls_keystore_type", () -> config.tls__keystore__type().trim(),
                    v -> v.equalsIgnoreCase("PKCS12") || v.equalsIgnoreCase("JKS"), "must be PKCS12 or JKS");
            String password = config.tls__keystore__password();
            String keyPassword = config.tls__key__password().isEmpty() ? password : config.tls__key__password();
            tls = new Tls(keystore, password, type.toUpperCase(), keyPassword);
        }
        return new HttpdSettings(ip, port, bufSize, postBufSize, maxBody, new Forms(maxFormSize, maxFormKeys),
                bodyTimeout, idle, async, maxThreads, swapHold, shutdownGrace, latencyBuckets, counting, tls);
    }

    /** @return the applied values under their configuration keys, as the runtime service shows them */
    Map<String, Object> byKey() {
        return Map.ofEntries(Map.entry("ip", ip), Map.entry("port", port), Map.entry("buf_size", bufSize),
                Map.entry("post_buf_size", postBufSize), Map.entry("max_body_size", maxBodySize),
                Map.entry("max_form_size", forms.maxSize()), Map.entry("max_form_keys", forms.maxKeys()),
                Map.entry("body_timeout", bodyTimeout), Map.entry("idle_timeout", idleTimeout),
                Map.entry("async_timeout", asyncTimeout), Map.entry("max_threads", maxThreads),
                Map.entry("swap_hold", swapHold), Map.entry("shutdown_grace", shutdownGrace),
                Map.entry(LatencyBuckets.KEY, LatencyBuckets.text(latencyBuckets)),
                Map.entry("statistics", counting.text()), Map.entry("https", tls != null));
    }

    /** @return {@code true} when {@code other} needs the listener restarted to take effect */
    boolean listenerDiffers(HttpdSettings other) {
        return other == null || !ip.equals(other.ip) || port != other.port || idleTimeout != other.idleTimeout
                || maxThreads != other.maxThreads || !Objects.equals(tls, other.tls);
    }
}
