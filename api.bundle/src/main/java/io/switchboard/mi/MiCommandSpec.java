package io.switchboard.mi;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a DS component of type {@link MiCommand} in one annotation:
 * {@code @MiCommandSpec(command = "uptime", description = "How long the container has run")}.
 * <p>
 * It asks a resolver for an MI implementation, optionally: a bundle whose commands are one feature
 * among others (httpd's, the REST client's) resolves and runs without one, and its commands appear
 * once an MI is there. A bundle that is nothing without the MI adds {@link RequireMi}.
 */
@ComponentPropertyType
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireMi.IMPLEMENTATION,
        version = RequireMi.VERSION, effective = "active", resolution = Requirement.Resolution.OPTIONAL)
@Retention(CLASS)
@Target(TYPE)
public @interface MiCommandSpec {
    /** Prefix of the service properties: {@code mi.}. */
    String PREFIX_ = "mi.";

    /** @return the name ({@value MiCommand#NAME}) */
    String command();

    /** @return further names ({@value MiCommand#ALIAS}) */
    String[] alias() default {};

    /** @return what the command does ({@value MiCommand#DESCRIPTION}) */
    String description() default "";

    /** @return the required parameters, in positional order ({@value MiCommand#PARAMS}) */
    String[] params() default {};

    /** @return the optional parameters, after the required ones ({@value MiCommand#OPTIONAL_PARAMS}) */
    String[] params_optional() default {};

    /** @return whether only admins may call it ({@value MiCommand#ADMIN}) */
    boolean admin() default false;
}
