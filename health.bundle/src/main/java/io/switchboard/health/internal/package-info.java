/**
 * Health for load balancers and operators, on Apache Felix Health Checks: the root {@code /health},
 * the MI commands {@code health}, {@code health_hold} and {@code health_release}, and Switchboard's
 * own checks (httpd, the MI, every Switchboard component, the drain hold), each a {@code HealthCheck}
 * service tagged {@code switchboard} as users' checks are. Private to the bundle.
 */
// The root is registered by Health through its BundleContext rather than by DS (its httpd.root comes from the
// setting root), so declared here for resolvers, as mihttp declares its own.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.switchboard.httpd.RootHandler",
        uses = io.switchboard.httpd.RootHandler.class)
@RequireHttpd
package io.switchboard.health.internal;

import org.osgi.annotation.bundle.Capability;

import io.switchboard.httpd.RequireHttpd;
