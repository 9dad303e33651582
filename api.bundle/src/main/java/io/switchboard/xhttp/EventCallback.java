package io.switchboard.xhttp;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names a DS component of type {@link HttpEventHandler}: {@code @EventCallback("rpc")} sets
 * {@value HttpEventHandler#CALLBACK}{@code =rpc}, the name {@code event_callback} selects.
 */
@ComponentPropertyType
@RequireXhttp
@Retention(CLASS)
@Target(TYPE)
public @interface EventCallback {
    /** @return the handler's name */
    String value();
}
