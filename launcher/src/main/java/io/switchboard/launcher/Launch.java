package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What bnd's export of {@code app/switchboard.bndrun} wrote into the runnable jar as
 * {@value #RESOURCE}: the framework properties ({@code -runproperties}) and the bundles to run, in
 * order ({@code launch.bundles}, paths inside the jar). Keys starting with {@code launch.} are bnd's
 * own launcher's; none of them is a framework property.
 *
 * @param frameworkProperties what Felix is configured with
 * @param bundles the paths of the bundles in the jar, in the order they start
 */
record Launch(Map<String, String> frameworkProperties, List<String> bundles) {
    static final String RESOURCE = "launcher.properties";

    /** @throws IOException when the jar carries no launch description */
    static Launch read(ClassLoader jar) throws IOException {
        try (InputStream in = jar.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the runnable jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return of(properties);
        }
    }

    static Launch of(Properties properties) {
        Map<String, String> framework = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("launch.")) {
                framework.put(key, properties.getProperty(key));
            }
        }
        String bundles = properties.getProperty("launch.bundles", "").trim();
        return new Launch(Map.copyOf(framework),
                bundles.isEmpty() ? List.of() : Arrays.stream(bundles.split("\\s*,\\s*")).toList());
    }
}
