package io.switchboard.bench.roots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RootHandler;

/**
 * Registers {@value #DEFAULT_COUNT} roots, {@code r0000} upwards (the framework property
 * {@value #COUNT_PROPERTY} sets how many), each answering {@code ok}: as many statistics and histograms
 * as that many third-party roots would make, for the {@code /metrics} scrape of bench/statistics.sh.
 */
@Component(immediate = true)
public class ManyRoots {
    static final String COUNT_PROPERTY = "switchboard.bench.roots";
    static final int DEFAULT_COUNT = 1000;

    private static final RootHandler OK = ManyRoots::ok;
    private final List<ServiceRegistration<RootHandler>> registrations = new ArrayList<>();

    @Activate
    public ManyRoots(BundleContext context) {
        String configured = context.getProperty(COUNT_PROPERTY);
        int count = configured == null ? DEFAULT_COUNT : Integer.parseInt(configured.trim());
        // By hand: one DS component registers one service, and this needs a number chosen at start.
        for (int i = 0; i < count; i++) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(RootHandler.ROOT, String.format("r%04d", i));
            properties.put(RootHandler.MODULE, "bench");
            registrations.add(context.registerService(RootHandler.class, OK, properties));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private static void ok(HttpdRequest request, HttpdResponse response) throws IOException {
        response.send(200, "text/plain", "ok\n");
    }
}
