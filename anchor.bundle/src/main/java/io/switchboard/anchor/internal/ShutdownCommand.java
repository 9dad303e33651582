package io.switchboard.anchor.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The shell's {@code shutdown} (Gogo has {@code stop 0} only; Karaf users know {@code shutdown}): stops
 * the framework, which runs the graceful shutdown ({@link GracefulShutdown}) first.
 */
@Component(service = ShutdownCommand.class,
        property = { "osgi.command.scope=switchboard", "osgi.command.function=shutdown" })
public final class ShutdownCommand {
    private final BundleContext context;

    @Activate
    public ShutdownCommand(BundleContext context) {
        this.context = context;
    }

    /** @return what happens next, for the shell to print */
    public String shutdown() throws BundleException {
        context.getBundle(Constants.SYSTEM_BUNDLE_ID).stop();
        return "Switchboard is stopping: the listeners stop accepting, and requests in flight get httpd's "
                + "shutdown_grace to finish";
    }
}
