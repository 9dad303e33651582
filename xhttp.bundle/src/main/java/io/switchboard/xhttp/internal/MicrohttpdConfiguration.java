package io.switchboard.xhttp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * A double underscore in a method name is one underscore in the key (component property naming). The
 * names, descriptions and defaults here are the only ones: the runnable jar's commented
 * etc/switchboard.microhttpd.cfg is written from them.
 */
@ObjectClassDefinition(id = Microhttpd.PID, name = "Switchboard microhttpd",
        description = "A listener of its own whose requests are raised as microhttpd:request events (Kamailio "
                + "microhttpd).")
@interface MicrohttpdConfiguration {

    @AttributeDefinition(name = "listen_addr", description = "Address to listen on; empty for all addresses "
            + "(modparam \"listen_addr\").")
    String listen__addr() default "";

    @AttributeDefinition(name = "listen_port", description = "TCP port, 1024-65535 (modparam \"listen_port\").")
    int listen__port() default 8280;

    @AttributeDefinition(name = "event_callback",
            description = "Name (event.callback property) of the one handler to call; empty for the best-ranked "
                    + "handler.")
    String event__callback() default "";

    @AttributeDefinition(name = "allowed_ips",
            description = "Literal addresses and CIDR ranges, IPv4 and IPv6, allowed to connect, separated by commas, "
                    + "for example 127.0.0.1/32, ::1 (host names are refused). Others are closed at accept, and open "
                    + "connections from addresses a narrowed list leaves out are closed. Empty: all.")
    String[] allowed__ips() default {};

    @AttributeDefinition(name = "reply_timeout", description = "Milliseconds a handler has to reply before 504.")
    int reply__timeout() default 20000;

    @AttributeDefinition(name = "max_threads", description = "Largest number of listener threads, 4-1000.")
    int max__threads() default 16;

    @AttributeDefinition(name = "max_body_size", description = "Largest request body in bytes; longer ones get 413.")
    int max__body__size() default 16777216;

    @AttributeDefinition(name = "body_timeout",
            description = "Milliseconds a request body may take to arrive, from the end of the headers; "
                    + "past it 408 and the connection is closed. 1-3600000.")
    int body__timeout() default 10000;
}
