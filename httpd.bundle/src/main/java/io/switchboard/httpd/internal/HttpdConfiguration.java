package io.switchboard.httpd.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.switchboard.anchor.HttpdAnchor;
import io.switchboard.support.stats.LatencyHistogram;

/*
 * Keys keep OpenSIPS httpd's modparam names; a double underscore in a method name is one underscore
 * in the key (OSGi component property type naming). The names, descriptions and defaults here are the
 * only ones: the runnable jar's commented etc/switchboard.httpd.cfg is written from them.
 */
@ObjectClassDefinition(id = HttpdSettings.PID, name = "Switchboard httpd",
        description = "The embedded HTTP server that root handlers plug into (OpenSIPS httpd).")
@interface HttpdConfiguration {

    @AttributeDefinition(name = "ip", description = "Address to listen on; empty for all addresses (modparam \"ip\").")
    String ip() default "";

    @AttributeDefinition(name = "port", description = "TCP port, 1024-65535; 1-1023 are refused (modparam \"port\").")
    int port() default 8888;

    @AttributeDefinition(name = "buf_size",
            description = "Response buffer in bytes; a longer response streams out chunked. 0 = engine default "
                    + "(modparam \"buf_size\").")
    int buf__size() default 0;

    @AttributeDefinition(name = "post_buf_size", description = "Read buffer for request bodies in bytes, at least 256 "
            + "(modparam \"post_buf_size\").")
    int post__buf__size() default 1024;

    @AttributeDefinition(name = "max_body_size",
            description = "Largest request body in bytes; a longer one is answered 413. 0 = no limit.")
    long max__body__size() default 16777216L;

    @AttributeDefinition(name = "max_form_size",
            description = "Largest application/x-www-form-urlencoded body in bytes that arg()/args() parse, 1 to 67108864; "
                    + "a longer one is answered 413.")
    int max__form__size() default 200000;

    @AttributeDefinition(name = "max_form_keys",
            description = "Most arguments, query and form together, that arg()/args() parse; more are answered 400.")
    int max__form__keys() default 1000;

    @AttributeDefinition(name = "body_timeout",
            description = "Milliseconds a request body read without a thread (readBody) may take to arrive; then it is "
                    + "answered 408. A connection idle for idle_timeout meanwhile is answered 408 sooner.")
    int body__timeout() default 10000;

    @AttributeDefinition(name = "idle_timeout", description = "Milliseconds an idle connection is kept open.")
    int idle__timeout() default 30000;

    @AttributeDefinition(name = "async_timeout",
            description = "Milliseconds a deferred (asynchronous) response may stay open before it is answered 504.")
    int async__timeout() default 30000;

    @AttributeDefinition(name = "max_threads",
            description = "Largest number of server threads, 8 to 10000; 0 = 8 per processor, at least 16.")
    int max__threads() default 0;

    @AttributeDefinition(name = "swap_hold", description = "Milliseconds (at most idle_timeout, which an unset value gives way to) a request waits, holding no thread, for "
            + "the next handler of its root when the handler leaves (its bundle is updated), and for httpd itself "
            + "while httpd is updated; then it gets 404 (or the fallback), or 503 while httpd is away. 0 = no wait.")
    int swap__hold() default HttpdAnchor.DEFAULT_SWAP_HOLD;

    @AttributeDefinition(name = "shutdown_grace", description = "Milliseconds, 0 to 3600000, that the framework, stopping "
            + "(SIGTERM, or the shell's stop 0), lets requests in flight finish after every listener stopped accepting; "
            + "then they are cut and the stop goes on. 0 = no wait.")
    int shutdown__grace() default HttpdAnchor.DEFAULT_SHUTDOWN_GRACE;

    @AttributeDefinition(name = "latency_buckets", description = "Bucket bounds in seconds of each root's latency "
            + "histogram (statistic httpd:<root>_latency): 1 to 50, ascending, each above 0 and at most 3600, separated "
            + "by commas. A request's latency runs from its arrival at httpd's dispatcher to the end of its response; "
            + "a request held for its root's next handler (swap_hold) counts its wait, as its client saw it. A change "
            + "starts every root's histogram afresh with the new bounds: the counts so far are dropped.")
    String latency__buckets() default LatencyHistogram.DEFAULT_BOUNDS;

    @AttributeDefinition(name = "statistics", description = "What httpd counts of each root (statistics group "
            + "httpd): all = the counters and the latency histograms; counters = the counters only; none = nothing, "
            + "for the last percent of throughput. While a count is off it stays listed as it was, frozen.",
            options = { @Option(label = "all", value = "all"), @Option(label = "counters", value = "counters"),
                    @Option(label = "none", value = "none") })
    String statistics() default "all";

    @AttributeDefinition(name = "https", description = "Serve HTTPS instead of HTTP on the port, with the keystore below.")
    boolean https() default false;

    @AttributeDefinition(name = "tls_keystore", description = "Path of the keystore holding the server key and "
            + "certificate, for example etc/server.p12.")
    String tls__keystore() default "";

    @AttributeDefinition(name = "tls_keystore_password", type = AttributeType.PASSWORD,
            description = "Password of the keystore.")
    String tls__keystore__password() default "";

    @AttributeDefinition(name = "tls_keystore_type", description = "Keystore type: PKCS12 or JKS.")
    String tls__keystore__type() default "PKCS12";

    @AttributeDefinition(name = "tls_key_password", type = AttributeType.PASSWORD,
            description = "Password of the key; empty for the keystore password.")
    String tls__key__password() default "";
}
