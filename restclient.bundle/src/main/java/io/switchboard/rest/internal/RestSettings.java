package io.switchboard.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A validated configuration of PID {@value #PID}. */
record RestSettings(Duration transferTimeout, Duration connectTimeout, int maxTransfers, long maxTransferBytes,
        boolean verifyPeer, Path caPath) {
    static final String PID = "switchboard.rest_client";

    /** @throws IllegalArgumentException naming the PID, key, value and rule of the first bad value */
    static RestSettings from(RestClientConfiguration config) {
        int transfer = config.curl__timeout();
        int connect = config.connection__timeout();
        require(connect >= 1, "connection_timeout", connect, "must be at least 1 second");
        require(transfer >= connect, "curl_timeout", transfer, "must be at least connection_timeout (" + connect + ")");
        require(config.max__async__transfers() >= 1, "max_async_transfers", config.max__async__transfers(),
                "must be at least 1");
        require(config.max__transfer__size() >= 0, "max_transfer_size", config.max__transfer__size(),
                "must be 0 (no limit) or a positive number of KB");
        require(config.ssl__verifypeer() == 0 || config.ssl__verifypeer() == 1, "ssl_verifypeer",
                config.ssl__verifypeer(), "must be 0 or 1");
        String capath = config.ssl__capath().trim();
        require(capath.isEmpty() || Files.isDirectory(Path.of(capath)), "ssl_capath", capath,
                "must be empty or a folder of PEM CA certificates");
        return new RestSettings(Duration.ofSeconds(transfer), Duration.ofSeconds(connect),
                config.max__async__transfers(), config.max__transfer__size() * 1024L, config.ssl__verifypeer() == 1,
                capath.isEmpty() ? null : Path.of(capath));
    }

    private static void require(boolean rule, String key, Object value, String text) {
        if (!rule) {
            throw new IllegalArgumentException("configuration " + PID + " refused: " + key + "=" + value + " " + text);
        }
    }
}
