package io.switchboard.mi;

/**
 * The service properties of the MI's root handler ({@code io.switchboard.httpd.RootHandler} with the
 * root of {@code mi_http_root}): the settings of {@code switchboard.mi_http} in force, so that operators
 * and tests can wait until a configuration applies. Users are counted, never shown.
 */
public final class MiHttpRoot {
    /** {@code Integer}: {@code mi_http_method}, 0 (forms use GET) or 1 (POST). */
    public static final String METHOD = "mi_http.method";
    /** {@code Integer}: how many users {@code users} names; 0 means loopback clients only. */
    public static final String USERS = "mi_http.users";
    /** {@code Integer}: {@code max_request_size} in bytes. */
    public static final String MAX_REQUEST_SIZE = "mi_http.max_request_size";
    /** {@code Integer}: {@code max_batch}, the most calls in one JSON-RPC batch. */
    public static final String MAX_BATCH = "mi_http.max_batch";
    /** {@code Integer}: {@code max_json_depth}. */
    public static final String MAX_JSON_DEPTH = "mi_http.max_json_depth";
    /** {@code String}: {@code local_clients}, as applied. */
    public static final String LOCAL_CLIENTS = "mi_http.local_clients";
    /** {@code Boolean}: {@code allow_cleartext_auth}. */
    public static final String ALLOW_CLEARTEXT_AUTH = "mi_http.allow_cleartext_auth";
    /** {@code Integer}: {@code max_pending_logins}. */
    public static final String MAX_PENDING_LOGINS = "mi_http.max_pending_logins";

    private MiHttpRoot() {
    }
}
