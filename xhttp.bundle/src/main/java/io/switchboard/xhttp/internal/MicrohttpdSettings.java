package io.switchboard.xhttp.internal;

import java.util.Map;

import io.switchboard.support.net.AllowList;
import io.switchboard.support.net.IpLiteral;
import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/** A validated configuration of PID {@value Microhttpd#PID}. */
record MicrohttpdSettings(String listenAddr, int listenPort, String callback, AllowList allowList, int replyTimeout,
        int maxThreads, int maxBodySize, int bodyTimeout) {

    /**
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static MicrohttpdSettings from(MicrohttpdConfiguration config, Map<String, ?> properties)
            throws SettingRefusedException {
        SettingsReader r = new SettingsReader(Microhttpd.PID, properties);
        String addr = r.read("listen_addr", () -> config.listen__addr().trim(),
                v -> v.isEmpty() || IpLiteral.isLiteral(v), "must be empty (all addresses) or an IPv4 or IPv6 address");
        int port = r.read("listen_port", config::listen__port, v -> v >= 1024 && v <= 65535,
                "must be 1024-65535; ports 1-1023 are privileged and refused");
        int replyTimeout = r.read("reply_timeout", config::reply__timeout, v -> v >= 1, "must be at least 1 ms");
        int maxThreads = r.read("max_threads", config::max__threads, v -> v >= 4 && v <= 1000, "must be 4-1000");
        int maxBodySize = r.read("max_body_size", config::max__body__size, v -> v >= 0 && v <= 1 << 30,
                "must be 0 (no limit) to 1073741824 bytes");
        int bodyTimeout = r.read("body_timeout", config::body__timeout,
                v -> v >= 1 && v <= Timers.MAX_BODY_TIMEOUT_MILLIS, "must be 1-" + Timers.MAX_BODY_TIMEOUT_MILLIS + " ms");
        return new MicrohttpdSettings(addr, port, config.event__callback().trim(),
                AllowList.of(Microhttpd.PID, config.allowed__ips()), replyTimeout, maxThreads, maxBodySize, bodyTimeout);
    }

    /** @return {@code true} when {@code other} needs a new listener */
    boolean listenerDiffers(MicrohttpdSettings other) {
        return other == null || !listenAddr.equals(other.listenAddr) || listenPort != other.listenPort
                || maxThreads != other.maxThreads;
    }
}
