package io.switchboard.xhttp.internal;

/** A validated configuration of PID {@value Microhttpd#PID}. */
record MicrohttpdSettings(String listenAddr, int listenPort, String callback, AllowList allowList, int replyTimeout,
        int maxThreads, int maxBodySize, int bodyTimeout) {

    static MicrohttpdSettings from(MicrohttpdConfiguration config) throws SettingRefusedException {
        String addr = config.listen__addr().trim();
        if (!addr.isEmpty() && IpLiteral.parse(addr) == null) {
            throw new SettingRefusedException(Microhttpd.PID, "listen_addr", addr,
                    "must be empty (all addresses) or an IPv4 or IPv6 address");
        }
        int port = config.listen__port();
        if (port < 1024 || port > 65535) {
            throw new SettingRefusedException(Microhttpd.PID, "listen_port", port,
                    "must be 1024-65535; ports 1-1023 are privileged and refused");
        }
        require(config.reply__timeout() >= 1, "reply_timeout", config.reply__timeout(), "must be at least 1 ms");
        require(config.max__threads() >= 4 && config.max__threads() <= 1000, "max_threads", config.max__threads(),
                "must be 4-1000");
        require(config.max__body__size() >= 0 && config.max__body__size() <= 1 << 30, "max_body_size",
                config.max__body__size(), "must be 0 (no limit) to 1073741824 bytes");
        require(config.body__timeout() >= 1 && config.body__timeout() <= Timers.MAX_BODY_TIMEOUT_MILLIS, "body_timeout",
                config.body__timeout(), "must be 1-" + Timers.MAX_BODY_TIMEOUT_MILLIS + " ms");
        return new MicrohttpdSettings(addr, port, config.event__callback().trim(),
                AllowList.of(Microhttpd.PID, config.allowed__ips()), config.reply__timeout(), config.max__threads(),
                config.max__body__size(), config.body__timeout());
    }

    /** @return {@code true} when {@code other} needs a new listener */
    boolean listenerDiffers(MicrohttpdSettings other) {
        return other == null || !listenAddr.equals(other.listenAddr) || listenPort != other.listenPort
                || maxThreads != other.maxThreads;
    }

    private static void require(boolean rule, String key, Object value, String text) throws SettingRefusedException {
        if (!rule) {
            throw new SettingRefusedException(Microhttpd.PID, key, value, text);
        }
    }
}
