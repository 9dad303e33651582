package io.switchboard.health.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * A double underscore in a method name is one underscore in the key (OSGi component property type
 * naming). The names, descriptions and defaults here are the only ones: the runnable jar's commented
 * etc/switchboard.health.cfg is written from them.
 */
@ObjectClassDefinition(id = HealthSettings.PID, name = "Switchboard health",
        description = "Health for load balancers and operators: GET /health answers 200 while every selected "
                + "Apache Felix health check is OK or WARN, 503 (500 for a check that failed to run) otherwise, "
                + "with JSON listing each check. The MI command health answers the same.")
@interface HealthConfiguration {

    @AttributeDefinition(name = "root", description = "The httpd root the health answers under: one path segment.")
    String root() default "health";

    @AttributeDefinition(name = "tags", cardinality = 100,
            description = "The tags (hc.tags) of the health checks that /health and health run, separated by "
                    + "commas: a check with any of them runs; -tag leaves out the checks with that tag. "
                    + "Switchboard's own checks have the tag switchboard; give your HealthCheck services that "
                    + "tag to have them decide /health too.")
    String[] tags() default { HealthSettings.TAG };

    @AttributeDefinition(name = "allowed_ips", cardinality = 100, required = false,
            description = "Clients /health answers: literal IPv4 or IPv6 addresses and CIDR ranges, separated by "
                    + "commas (a host name is refused, never resolved); others get 403. Empty: every client, "
                    + "as load balancers need no credentials.")
    String[] allowed__ips() default {};
}
