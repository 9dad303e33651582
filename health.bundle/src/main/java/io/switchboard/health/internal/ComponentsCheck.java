package io.switchboard.health.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Every Switchboard bundle active and every component of theirs active or satisfied: CRITICAL for
 * a bundle stopped or unresolved and for a component that lacks a service, failed to activate or was
 * disabled; TEMPORARILY_UNAVAILABLE while a bundle starts or stops (a swap under way).
 */
@Component(service = HealthCheck.class)
@SwitchboardCheck(name = "components")
public final class ComponentsCheck implements HealthCheck {
    private final SwitchboardBundles bundles;

    @Activate
    public ComponentsCheck(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.bundles = new SwitchboardBundles(context, scr);
    }

    @Override
    public Result execute() {
        List<Finding> findings = new ArrayList<>();
        int components = 0;
        List<Bundle> all = bundles.all();
        for (Bundle bundle : all) {
            String label = Finding.label(bundle.getSymbolicName(), bundle.getBundleId());
            // A bundle that is not active has no components to look at: DS forgot them when it stopped.
            Finding.ofBundle(label, bundle.getState()).ifPresent(findings::add);
            for (ComponentDescriptionDTO component : bundle.getState() == Bundle.ACTIVE ? bundles.components(bundle)
                    : List.<ComponentDescriptionDTO>of()) {
                components++;
                findings.addAll(Finding.ofComponent(label, component, bundles.enabled(component),
                        bundles.configurations(component)));
            }
        }
        FormattingResultLog log = new FormattingResultLog();
        if (findings.isEmpty()) {
            log.info("{} components of {} Switchboard bundles are active or satisfied", components, all.size());
        }
        for (Finding finding : findings) {
            switch (finding.status()) {
            case TEMPORARILY_UNAVAILABLE -> log.temporarilyUnavailable("{}", finding.message());
            default -> log.critical("{}", finding.message());
            }
        }
        return new Result(log);
    }
}
