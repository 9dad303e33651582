package io.switchboard.mihttp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * Keys keep OpenSIPS mi_http's modparam names; a double underscore in a method name is one underscore
 * in the key (OSGi component property type naming). The names, descriptions and defaults here are the
 * only ones: the runnable jar's commented etc/switchboard.mi_http.cfg is written from them.
 */
@ObjectClassDefinition(id = MiHttpSettings.PID, name = "Switchboard mi_http",
        description = "The Management Interface over HTTP (OpenSIPS mi_http, mi_html): POST /mi speaks JSON-RPC 2.0; "
                + "GET /mi/ is a web page with a form per command.")
@interface MiHttpConfiguration {

    @AttributeDefinition(name = "mi_http_root",
            description = "The httpd root the MI answers under: one path segment.")
    String mi__http__root() default "mi";

    @AttributeDefinition(name = "mi_http_method",
            description = "The method the web page's forms use: 0 = GET, 1 = POST.")
    int mi__http__method() default 0;

    @AttributeDefinition(name = "users", type = AttributeType.PASSWORD, cardinality = 1000, required = false,
            description = "Users as name:role:hash, separated by commas, for example "
                    + "alice:admin:pbkdf2-sha256$210000$...$...; role admin (may run every command) or user (not the "
                    + "commands that change the container). Make a hash in the shell: mihttp:hash_password <password>. "
                    + "Empty: only local clients (local_clients) are answered, with every right. With users, use "
                    + "httpd's https=true.")
    String[] users() default {};

    @AttributeDefinition(name = "max_request_size",
            description = "Largest JSON-RPC request body in bytes; a longer one is answered 413.")
    int max__request__size() default 1048576;

    @AttributeDefinition(name = "max_batch", description = "Most calls in one JSON-RPC batch.")
    int max__batch() default 1000;

    @AttributeDefinition(name = "max_json_depth", description = "Deepest nesting of arrays and objects in a request.")
    int max__json__depth() default 64;

    @AttributeDefinition(name = "local_clients", cardinality = 100, required = false,
            description = "Client addresses and CIDR ranges treated as this host, separated by commas: with no users "
                    + "they have every right (unless the request came through a proxy), with users they may send "
                    + "passwords over plain HTTP. Loopback only: the setting can narrow the trust, never widen it.")
    String[] local__clients() default { "127.0.0.0/8", "::1" };

    @AttributeDefinition(name = "allow_cleartext_auth",
            description = "Take passwords over plain HTTP from clients that are not local. Off: such clients are "
                    + "refused (403) unless httpd runs with https=true.")
    boolean allow__cleartext__auth() default false;

    @AttributeDefinition(name = "max_pending_logins",
            description = "Logins waiting for a password check; past it a login is answered 503 with Retry-After.")
    int max__pending__logins() default 32;
}
