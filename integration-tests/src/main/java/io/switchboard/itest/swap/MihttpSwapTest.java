package io.switchboard.itest.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.SwapLoad;
import io.switchboard.itest.SwapLoad.Target;

/** Updates of mihttp under JSON-RPC load: every call is answered, by the new mihttp once it is there. */
class MihttpSwapTest {
    @InjectBundleContext
    BundleContext context;

    @Test
    void fiveUpdatesOfMihttpAnswerEveryCallAndTheShellCommandsComeBack() throws Exception {
        int port = Httpd.port();
        Bundle mihttp = Bundles.named(context, "switchboard.mihttp");
        try (SwapLoad load = SwapLoad.start(8, Target.mi(port, "uptime"), Target.mi(port, "which"))) {
            load.repeat(5, mihttp::update, () -> Configs.await("the new mihttp serving /mi", Duration.ofSeconds(30),
                    () -> servingRootOf(mihttp) != null));
            load.close();
            assertThat(load.failures()).isEmpty();
        }
        Configs.await("the shell command mi:uptime of the new mihttp", Duration.ofSeconds(30),
                () -> context.getServiceReferences((String) null,
                        "(&(osgi.command.scope=mi)(osgi.command.function=uptime))") != null);
        ServiceReference<?>[] uptime = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=mi)(osgi.command.function=uptime))");
        assertThat(uptime).hasSize(1);
        assertThat(uptime[0].getBundle()).isEqualTo(mihttp);
    }

    private ServiceReference<RootHandler> servingRootOf(Bundle mihttp) throws Exception {
        var found = context.getServiceReferences(RootHandler.class, "(" + RootHandler.ROOT + "=mi)");
        return found.stream().filter(reference -> mihttp.equals(reference.getBundle())).findFirst().orElse(null);
    }
}
