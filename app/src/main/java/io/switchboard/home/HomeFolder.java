package io.switchboard.home;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays out the container's working folder: {@code etc/} with a commented default configuration for
 * every PID, and {@code deploy/} for hot deploy. Files a user already has are never overwritten.
 */
@Component(immediate = true, service = {})
public final class HomeFolder {
    private static final Logger LOG = LoggerFactory.getLogger(HomeFolder.class);
    private static final String DEFAULTS = "defaults/etc";

    @Activate
    public HomeFolder(BundleContext context) throws IOException {
        Path etc = Path.of(context.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(etc);
        Files.createDirectories(Path.of("deploy"));
        for (URL entry : Collections.list(context.getBundle().findEntries(DEFAULTS, "*.cfg", false))) {
            String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            Path target = etc.resolve(name);
            if (Files.notExists(target)) {
                try (InputStream in = entry.openStream()) {
                    Files.copy(in, target);
                }
                LOG.info("wrote the default {}", target);
            }
        }
    }
}
