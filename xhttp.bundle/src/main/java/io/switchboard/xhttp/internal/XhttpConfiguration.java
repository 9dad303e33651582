package io.switchboard.xhttp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * A double underscore in a method name is one underscore in the key (component property naming). The
 * names, descriptions and defaults here are the only ones: the runnable jar's commented
 * etc/switchboard.xhttp.cfg is written from them.
 */
@ObjectClassDefinition(id = Xhttp.PID, name = "Switchboard xhttp",
        description = "Requests no httpd root claims, raised as xhttp:request events (Kamailio xhttp).")
@interface XhttpConfiguration {

    @AttributeDefinition(name = "url_skip",
            description = "RE2 regular expression (POSIX ERE and Perl classes, no backreferences or lookaround, at "
                    + "most 1000 characters; matched in time linear in the URL) searched in the URL, path and query, "
                    + "for example ^/RPC2; a match is not raised as an event (404). Checked first.")
    String url__skip() default "";

    @AttributeDefinition(name = "url_match",
            description = "RE2 regular expression searched in the URL, for example ^/sip/; without a match the "
                    + "request is not raised (404). Empty: all.")
    String url__match() default "";

    @AttributeDefinition(name = "event_callback",
            description = "Name (event.callback property) of the one handler to call; empty for the best-ranked "
                    + "handler.")
    String event__callback() default "";

    @AttributeDefinition(name = "reply_timeout", description = "Milliseconds a handler has to reply before 504.")
    int reply__timeout() default 20000;
}
