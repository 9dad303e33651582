package io.switchboard.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/* A double underscore in a method name is one underscore in the key (component property naming). */
@ObjectClassDefinition(id = RestSettings.PID, name = "Switchboard rest_client",
        description = "The REST client service (OpenSIPS rest_client).")
@interface RestClientConfiguration {

    @AttributeDefinition(name = "curl_timeout",
            description = "Seconds a whole transfer may take, connect included; at least connection_timeout.")
    int curl__timeout() default 20;

    @AttributeDefinition(name = "connection_timeout", description = "Seconds to establish a connection.")
    int connection__timeout() default 20;

    @AttributeDefinition(name = "max_async_transfers",
            description = "Transfers in flight at most; further ones wait for a free one, their timeouts running.")
    int max__async__transfers() default 100;

    @AttributeDefinition(name = "max_transfer_size",
            description = "Largest response body in KB, enforced while reading (-10 past it); 0 = no limit.")
    int max__transfer__size() default 10240;

    @AttributeDefinition(name = "ssl_verifypeer", description = "1: verify the server's certificate chain; 0: do not.")
    int ssl__verifypeer() default 1;

    @AttributeDefinition(name = "ssl_capath",
            description = "Folder of PEM CA certificates trusted besides the JDK's own; empty for none.")
    String ssl__capath() default "";
}
