package io.switchboard.httpd;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;

/**
 * Requires a Switchboard httpd implementation, so a resolver adds one to the runtime of any bundle
 * that registers a root handler. Only effective when the bundle is resolved for a runtime, so an
 * update of httpd never rewires its handlers.
 */
@Documented
@Retention(CLASS)
@Target({ TYPE, PACKAGE })
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireHttpd.IMPLEMENTATION,
        version = RequireHttpd.VERSION, effective = "active")
public @interface RequireHttpd {
    /** The implementation name httpd provides in the {@code osgi.implementation} namespace. */
    String IMPLEMENTATION = "switchboard.httpd";
    /** The implementation version this API package describes. */
    String VERSION = "1.4.0";
}
