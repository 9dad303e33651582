package io.switchboard.health.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import io.switchboard.httpd.HttpdRuntime;

/**
 * httpd serving: its runtime is registered (httpd has a configuration in force) and has an endpoint
 * (the listener is bound). Otherwise CRITICAL, saying why: the bundle, its component, or a refused
 * first configuration.
 */
@Component(service = HealthCheck.class)
@SwitchboardCheck(name = "httpd")
public final class HttpdCheck implements HealthCheck {
    static final String BUNDLE = "switchboard.httpd";
    static final String PID = "switchboard.httpd";

    private final BundleContext context;
    private final SwitchboardBundles bundles;

    @Activate
    public HttpdCheck(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.bundles = new SwitchboardBundles(context, scr);
    }

    @Override
    public Result execute() {
        ServiceReference<HttpdRuntime> runtime = context.getServiceReference(HttpdRuntime.class);
        Object endpoint = runtime == null ? null : runtime.getProperty(HttpdRuntime.ENDPOINT);
        if (endpoint != null) {
            return new Result(Result.Status.OK, "httpd serves at " + endpoint);
        }
        if (runtime != null) {
            return new Result(Result.Status.CRITICAL, "httpd is configured but does not listen yet");
        }
        return new Result(Result.Status.CRITICAL, "httpd serves nothing: " + bundles.whyNothing(BUNDLE, PID));
    }
}
