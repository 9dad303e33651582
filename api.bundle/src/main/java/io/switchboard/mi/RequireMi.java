package io.switchboard.mi;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;

/**
 * Requires a Switchboard MI implementation, so a resolver adds mihttp to the runtime of any bundle
 * that publishes MI commands. Only effective when the bundle is resolved for a runtime, so an update
 * of mihttp never rewires the bundles whose commands it serves.
 */
@Documented
@Retention(CLASS)
@Target({ TYPE, PACKAGE })
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireMi.IMPLEMENTATION,
        version = RequireMi.VERSION, effective = "active")
public @interface RequireMi {
    /** The implementation name mihttp provides in the {@code osgi.implementation} namespace. */
    String IMPLEMENTATION = "switchboard.mihttp";
    /** The implementation version this API package describes. */
    String VERSION = "1.2.0";
}
