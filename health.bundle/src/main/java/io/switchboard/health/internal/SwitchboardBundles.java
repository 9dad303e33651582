package io.switchboard.health.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Switchboard's bundles (symbolic names starting {@code switchboard.}: the container's and the
 * examples'), as the framework and DS see them now.
 */
final class SwitchboardBundles {
    static final String PREFIX = "switchboard.";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    SwitchboardBundles(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /** @return every Switchboard bundle but fragments (which are never active), by id */
    List<Bundle> all() {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(PREFIX))
                .filter(bundle -> !isFragment(bundle)).sorted(Comparator.comparingLong(Bundle::getBundleId)).toList();
    }

    Optional<Bundle> named(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst();
    }

    List<ComponentDescriptionDTO> components(Bundle bundle) {
        return List.copyOf(scr.getComponentDescriptionDTOs(bundle));
    }

    boolean enabled(ComponentDescriptionDTO component) {
        return scr.isComponentEnabled(component);
    }

    ComponentConfigurationDTO[] configurations(ComponentDescriptionDTO component) {
        return scr.getComponentConfigurationDTOs(component).toArray(ComponentConfigurationDTO[]::new);
    }

    /**
     * @return why the module of bundle {@code symbolicName}, configured by {@code pid}, publishes
     *         nothing: its bundle is not there or not active, its component waits, or the component runs
     *         but never had a configuration it could take (Switchboard's modules register nothing until
     *         then)
     */
    String whyNothing(String symbolicName, String pid) {
        Optional<Bundle> found = named(symbolicName);
        if (found.isEmpty()) {
            return "bundle " + symbolicName + " is not installed";
        }
        Bundle bundle = found.get();
        String label = Finding.label(symbolicName, bundle.getBundleId());
        Optional<Finding> state = Finding.ofBundle(label, bundle.getState());
        if (state.isPresent()) {
            return state.get().message();
        }
        for (ComponentDescriptionDTO component : components(bundle)) {
            if (Arrays.asList(component.configurationPid).contains(pid)) {
                boolean running = Arrays.stream(configurations(component))
                        .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE
                                || c.state == ComponentConfigurationDTO.SATISFIED);
                return running ? "its configuration (PID " + pid + ") was refused: it serves nothing until a valid "
                        + "one arrives (the log names the key and the rule)"
                        : "its component " + component.name + " is not active (see the check components)";
            }
        }
        return "bundle " + label + " has no component configured by " + pid;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
