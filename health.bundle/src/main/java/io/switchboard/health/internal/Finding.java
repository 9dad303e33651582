package io.switchboard.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.felix.hc.api.Result;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Something wrong with a Switchboard bundle or component, and how wrong: what {@link ComponentsCheck}
 * reports, read from the framework's bundle states and DS's descriptions of the components.
 */
record Finding(Result.Status status, String message) {

    /** @return what is wrong with a bundle in {@code state}, if anything */
    static Optional<Finding> ofBundle(String bundle, int state) {
        return switch (state) {
        case Bundle.ACTIVE -> Optional.empty();
        // A bundle is between its revisions only while it is updated, started or stopped: a swap under way.
        case Bundle.STARTING -> Optional.of(new Finding(Result.Status.TEMPORARILY_UNAVAILABLE,
                "bundle " + bundle + " is starting"));
        case Bundle.STOPPING -> Optional.of(new Finding(Result.Status.TEMPORARILY_UNAVAILABLE,
                "bundle " + bundle + " is stopping"));
        case Bundle.RESOLVED -> Optional.of(new Finding(Result.Status.CRITICAL,
                "bundle " + bundle + " is stopped (RESOLVED)"));
        default -> Optional.of(new Finding(Result.Status.CRITICAL, "bundle " + bundle
                + " is installed but not resolved: a requirement is missing (bundle_list and the log say which)"));
        };
    }

    /**
     * Reports a component that is unsatisfied for want of a service, failed to activate, or was
     * disabled. One that waits for a configuration it requires is left out: such a component exists
     * only once configured (a factory configuration, such as a REST client TLS domain), so it is
     * not configured by choice, where a configuration that was refused would show in the check of
     * the module that refused it.
     *
     * @param bundle the bundle, as messages name it
     * @param enabled whether DS has the component enabled
     * @param configurations its component configurations
     */
    static List<Finding> ofComponent(String bundle, ComponentDescriptionDTO component, boolean enabled,
            ComponentConfigurationDTO[] configurations) {
        List<Finding> findings = new ArrayList<>();
        String name = "component " + component.name + " of " + bundle;
        if (!enabled) {
            if (component.defaultEnabled) {
                findings.add(new Finding(Result.Status.CRITICAL, name + " is disabled"));
            }
            return findings;
        }
        for (ComponentConfigurationDTO configuration : configurations) {
            switch (configuration.state) {
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                for (UnsatisfiedReferenceDTO missing : configuration.unsatisfiedReferences) {
                    findings.add(new Finding(Result.Status.CRITICAL, name + " is unsatisfied: no service for its "
                            + "reference " + missing.name + " (" + service(component, missing) + ")"));
                }
            }
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> findings.add(new Finding(Result.Status.CRITICAL,
                    name + " failed to activate: " + firstLine(configuration.failure)));
            default -> {
                // active, satisfied (DS activates it when used), or waiting for a configuration it requires
            }
            }
        }
        return findings;
    }

    /** @return the interface and target filter a reference wants */
    private static String service(ComponentDescriptionDTO component, UnsatisfiedReferenceDTO missing) {
        for (ReferenceDTO reference : component.references) {
            if (reference.name.equals(missing.name)) {
                return reference.interfaceName + (missing.target == null ? "" : " " + missing.target);
            }
        }
        return missing.target == null ? "?" : missing.target;
    }

    /** @return the message of DS's failure, without the stack trace that follows it */
    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "DS gives no reason (the log has it)";
        }
        return failure.lines().findFirst().orElse(failure).trim();
    }

    /** @return how a message names a bundle */
    static String label(String symbolicName, long id) {
        return symbolicName + " (" + id + ")";
    }
}
