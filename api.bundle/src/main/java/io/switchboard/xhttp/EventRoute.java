package io.switchboard.xhttp;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The routes a DS component of type {@link HttpEventHandler} serves:
 * {@code @EventRoute(HttpEventHandler.XHTTP)} sets {@value HttpEventHandler#ROUTE}.
 */
@ComponentPropertyType
@RequireXhttp
@Retention(CLASS)
@Target(TYPE)
public @interface EventRoute {
    /** @return {@value HttpEventHandler#XHTTP} and/or {@value HttpEventHandler#MICROHTTPD} */
    String[] value();
}
