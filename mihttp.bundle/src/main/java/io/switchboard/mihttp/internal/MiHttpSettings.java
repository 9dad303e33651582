package io.switchboard.mihttp.internal;

import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/**
 * A validated configuration of PID {@value #PID}. Every value is checked before anything is applied,
 * so a refused configuration leaves the running one untouched.
 */
record MiHttpSettings(String root, boolean formsPost, Users users, int maxRequestSize, int maxBatch, int maxDepth,
        LocalClients localClients, boolean allowCleartextAuth, int maxPendingLogins) {

    static final String PID = "switchboard.mi_http";

    /**
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static MiHttpSettings from(MiHttpConfiguration config, Map<String, ?> properties) throws SettingRefusedException {
        SettingsReader r = new SettingsReader(PID, properties);
        String root = r.read("mi_http_root", () -> config.mi__http__root().trim(),
                v -> v.matches("[A-Za-z0-9._~-]+") && !v.equals(".") && !v.equals(".."),
                "must be one path segment of letters, digits and . _ ~ -");
        int method = r.read("mi_http_method", config::mi__http__method, v -> v == 0 || v == 1,
                "must be 0 (GET) or 1 (POST)");
        Users users;
        try {
            users = Users.parse(config.users());
        } catch (IllegalArgumentException bad) {
            // The message names the entry, never the hash.
            throw r.refused("users", "<hidden>", bad.getMessage());
        }
        int maxRequest = r.read("max_request_size", config::max__request__size,
                v -> v >= 1024 && v <= 64 << 20, "must be 1024 to 67108864 bytes");
        int maxBatch = r.read("max_batch", config::max__batch, v -> v >= 1 && v <= 100_000,
                "must be 1 to 100000");
        int maxDepth = r.read("max_json_depth", config::max__json__depth, v -> v >= 4 && v <= 1000,
                "must be 4 to 1000");
        LocalClients local;
        try {
            local = LocalClients.parse(config.local__clients());
        } catch (IllegalArgumentException bad) {
            throw r.refused("local_clients", String.join(",", config.local__clients()), bad.getMessage());
        }
        boolean cleartext = r.read("allow_cleartext_auth", config::allow__cleartext__auth, v -> true,
                "must be true or false");
        int maxPending = r.read("max_pending_logins", config::max__pending__logins,
                v -> v >= 1 && v <= 10_000, "must be 1 to 10000");
        return new MiHttpSettings(root, method == 1, users, maxRequest, maxBatch, maxDepth, local, cleartext,
                maxPending);
    }
}
