package io.switchboard.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.switchboard.support.stats.LatencyHistogram;

/*
 * A double underscore in a method name is one underscore in the key (component property naming).
 * The names, descriptions and defaults here are the only ones: the runnable jar's commented
 * etc/switchboard.rest_client.cfg is written from them (with TlsDomainConfiguration's keys after them).
 * The two switches are read as text so that a value other than true or false is refused by name
 * rather than silently read as false; follow_redirects is text for the same reason.
 */
@ObjectClassDefinition(id = RestSettings.PID, name = "Switchboard rest_client",
        description = "The REST client service (OpenSIPS rest_client). A new configuration gets new clients and "
                + "connection pools; transfers already running finish on the old ones.")
@interface RestClientConfiguration {

    @AttributeDefinition(name = "curl_timeout",
            description = "Seconds a whole transfer may take, counted from the call: waiting for a free slot, "
                    + "connecting and reading included; at least connection_timeout. Past it: -3 with what arrived "
                    + "(modparam \"curl_timeout\").")
    int curl__timeout() default 20;

    @AttributeDefinition(name = "connection_timeout", description = "Seconds to establish a connection, TLS "
            + "handshake included. Past it: -2 (modparam \"connection_timeout\").")
    int connection__timeout() default 20;

    @AttributeDefinition(name = "connect_poll_interval",
            description = "Milliseconds, 1-1000, between the I/O reactor's checks of pending connects and due "
                    + "timeouts: how late a connect timeout may be noticed (modparam \"connect_poll_interval\"; "
                    + "HttpClient's select interval).")
    int connect__poll__interval() default 20;

    @AttributeDefinition(name = "max_async_transfers",
            description = "Transfers in flight at most, across all TLS domains. Further calls, blocking or not, wait "
                    + "in line, first come first served, while their curl_timeout runs (modparam "
                    + "\"max_async_transfers\").")
    int max__async__transfers() default 100;

    @AttributeDefinition(name = "max_transfer_size",
            description = "Largest response body in KB, enforced while reading (-10 past it); 0 = no limit "
                    + "(modparam \"max_transfer_size\").")
    int max__transfer__size() default 10240;

    @AttributeDefinition(name = "ssl_verifypeer",
            description = "1: verify the server's certificate chain; 0: trust any (modparam \"ssl_verifypeer\").")
    int ssl__verifypeer() default 1;

    @AttributeDefinition(name = "ssl_verifyhost",
            description = "1: the server's certificate must name the URL's host; 0: accept any name (modparam "
                    + "\"ssl_verifyhost\").")
    int ssl__verifyhost() default 1;

    @AttributeDefinition(name = "ssl_capath",
            description = "Folder of PEM CA certificates trusted besides the JDK's own; empty for none (modparam "
                    + "\"ssl_capath\").")
    String ssl__capath() default "";

    @AttributeDefinition(name = "curl_http_version", description = "0 auto (HTTP/2 over TLS when the server "
            + "offers it, else HTTP/1.1), 1 HTTP/1.0 (sent as HTTP/1.1 with Connection: close, see the README), "
            + "2 HTTP/1.1, 3 HTTP/2 with fallback to HTTP/1.1, 4 HTTP/2 over TLS only, 5 HTTP/2 in clear text with "
            + "prior knowledge (TLS negotiates) (modparam \"curl_http_version\").")
    int curl__http__version() default 0;

    @AttributeDefinition(name = "enable_expect_100", type = AttributeType.BOOLEAN,
            description = "true: send Expect: 100-continue with bodies over 1024 bytes and wait up to 1 s for the "
                    + "100 (modparam \"enable_expect_100\").")
    String enable__expect__100() default "false";

    @AttributeDefinition(name = "no_concurrent_connects", type = AttributeType.BOOLEAN,
            description = "true: a request that must connect to a host name another request is connecting to "
                    + "fails at once with -4; one a pooled connection serves is never refused (modparam "
                    + "\"no_concurrent_connects\").")
    String no__concurrent__connects() default "false";

    @AttributeDefinition(name = "curl_conn_lifetime",
            description = "Seconds a pooled connection may live and be reused; 0 = no limit (modparam "
                    + "\"curl_conn_lifetime\").")
    int curl__conn__lifetime() default 0;

    @AttributeDefinition(name = "follow_redirects", description = "Redirects (no seed modparam: libcurl and "
            + "OpenSIPS follow none). off: a 3xx is the answer, with its Location. same_origin: follow to the same "
            + "scheme, host and port only. any: follow to any http or https URL, from https to http too, replaying "
            + "the request's headers there (but never Authorization or Cookie to another host, nor from https to "
            + "http). At most " + FollowRedirects.MAX_REDIRECTS + " redirects (-10 past them); a redirect the rule "
            + "does not allow is the answer.",
            options = { @Option(label = "off", value = "off"), @Option(label = "same_origin", value = "same_origin"),
                    @Option(label = "any", value = "any") })
    String follow__redirects() default "off";

    @AttributeDefinition(name = "max_header_size", description = "Longest response header line in bytes "
            + "(HTTP/1.1: a header, the status line, a chunk line; HTTP/2 bounds the whole header list at "
            + "max_headers times this); -10 past it. 1024 to 1048576.")
    int max__header__size() default 8192;

    @AttributeDefinition(name = "max_headers", description = "Most header fields a response may carry; -10 past "
            + "it. 1 to 1000.")
    int max__headers() default 100;

    @AttributeDefinition(name = "latency_buckets", description = "Bucket bounds in seconds of the latency "
            + "histograms per outcome (latency_ok, latency_refused ... latency_internal): 1 to 50, ascending, each "
            + "above 0 and at most 3600, separated by commas. A call's latency runs from send or sendAsync to its "
            + "outcome, the wait for a max_async_transfers slot included. A change starts every histogram afresh "
            + "with the new bounds: the counts so far are dropped.")
    String latency__buckets() default LatencyHistogram.DEFAULT_BOUNDS;
}
