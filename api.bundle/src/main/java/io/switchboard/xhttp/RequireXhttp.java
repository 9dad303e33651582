package io.switchboard.xhttp;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;

/**
 * Requires the Switchboard xhttp implementation, so a resolver adds it to the runtime of any bundle
 * that registers a request event handler. Only effective when the bundle is resolved for a runtime, so an
 * update of xhttp never rewires its handlers.
 */
@Documented
@Retention(CLASS)
@Target({ TYPE, PACKAGE })
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireXhttp.IMPLEMENTATION,
        version = RequireXhttp.VERSION, effective = "active")
public @interface RequireXhttp {
    /** The implementation name xhttp provides in the {@code osgi.implementation} namespace. */
    String IMPLEMENTATION = "switchboard.xhttp";
    /** The implementation version this API package describes. */
    String VERSION = "1.1.0";
}
