package io.switchboard.launcher;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The start levels of the carried bundles, chosen for the order the framework stops them in (the
 * highest level first): logging starts first and stops last, so every other bundle's lines reach it,
 * SPI Fly's and the shutdown's included; Pax Web's server stops first, once the graceful shutdown let
 * the requests in flight finish, so that no bundle leaving afterwards makes it listen again (it
 * restarts its server when a Jetty handler goes). Everything else sits between.
 */
enum StartOrder {
    LOGGING(1), BUNDLES(2), HTTP_SERVER(3);

    /** The framework's start level once every bundle runs. */
    static final int FULL = 3;

    final int level;

    StartOrder(int level) {
        this.level = level;
    }

    static StartOrder of(String symbolicName) {
        if (symbolicName == null) {
            return BUNDLES;
        }
        if (symbolicName.startsWith("org.ops4j.pax.logging.")) {
            return LOGGING;
        }
        return symbolicName.startsWith("org.ops4j.pax.web.") ? HTTP_SERVER : BUNDLES;
    }

    /** Gives each bundle its level. */
    static void assign(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            bundle.adapt(BundleStartLevel.class).setStartLevel(of(bundle.getSymbolicName()).level);
        }
    }

    /** @return the logging bundles, in the order given */
    static List<Bundle> logging(List<Bundle> bundles) {
        List<Bundle> logging = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (of(bundle.getSymbolicName()) == LOGGING) {
                logging.add(bundle);
            }
        }
        return logging;
    }
}
