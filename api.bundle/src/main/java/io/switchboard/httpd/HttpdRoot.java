package io.switchboard.httpd;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares the root a DS component of type {@link RootHandler} owns: {@code @HttpdRoot("hello")} sets
 * the service property {@value RootHandler#ROOT}{@code =hello}.
 */
@ComponentPropertyType
@RequireHttpd
@Retention(CLASS)
@Target(TYPE)
public @interface HttpdRoot {
    /**
     * @return the first path segment the handler owns, or {@link RootHandler#FALLBACK}
     */
    String value();
}
