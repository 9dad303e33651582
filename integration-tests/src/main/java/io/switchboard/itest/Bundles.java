package io.switchboard.itest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Finds installed bundles. */
public final class Bundles {
    private Bundles() {
    }

    /** @return the installed bundle with {@code symbolicName}; fails the test when there is none */
    public static Bundle named(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
