package io.switchboard.health.internal;

import java.util.Collection;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiHttpRoot;

/**
 * The MI configured: its root handler is registered, which mi_http does once a configuration is in
 * force. Otherwise CRITICAL, saying why. A container without mihttp is no fault of this check.
 */
@Component(service = HealthCheck.class)
@SwitchboardCheck(name = "mi_http")
public final class MiHttpCheck implements HealthCheck {
    static final String BUNDLE = "switchboard.mihttp";
    static final String PID = "switchboard.mi_http";
    /** The MI's root handler, told from others by the settings it publishes. */
    private static final String MI_ROOT = "(" + MiHttpRoot.METHOD + "=*)";

    private final BundleContext context;
    private final SwitchboardBundles bundles;

    @Activate
    public MiHttpCheck(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.bundles = new SwitchboardBundles(context, scr);
    }

    @Override
    public Result execute() {
        if (bundles.named(BUNDLE).isEmpty()) {
            return new Result(Result.Status.OK, "the MI (" + BUNDLE + ") is not installed");
        }
        Collection<ServiceReference<RootHandler>> roots;
        try {
            roots = context.getServiceReferences(RootHandler.class, MI_ROOT);
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(MI_ROOT, impossible);
        }
        if (!roots.isEmpty()) {
            return new Result(Result.Status.OK,
                    "the MI answers under /" + roots.iterator().next().getProperty(RootHandler.ROOT) + "/");
        }
        return new Result(Result.Status.CRITICAL, "the MI serves nothing: " + bundles.whyNothing(BUNDLE, PID));
    }
}
