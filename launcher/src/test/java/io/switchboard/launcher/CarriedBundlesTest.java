package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** The runnable jar's bundles in a real Felix: installed from their place in the jar, and updated from there. */
class CarriedBundlesTest {
    @TempDir
    Path dir;
    Framework framework;

    @BeforeAll
    static void readJarsAnew() {
        CarriedBundles.readJarsAnew();
    }

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void aBundleIsInstalledFromItsPlaceInTheJarAndTheFrameworksOwnUpdateReadsItThereAgain() throws Exception {
        Path jar = runnableJar("runnable.jar", Map.of("jar/a.jar", bundle("test.a", "first")));
        Bundle a = new CarriedBundles(jar, List.of("jar/a.jar")).install(start()).get(0);
        assertThat(a.getLocation()).isEqualTo("jar:" + jar.toUri() + "!/jar/a.jar");
        assertThat(marker(a)).isEqualTo("first");

        runnableJar("runnable.jar", Map.of("jar/a.jar", bundle("test.a", "rebuilt")));
        a.update();
        assertThat(marker(a)).isEqualTo("rebuilt");
    }

    @Test
    void aNextStartUpdatesWhatTheJarNowCarriesDifferentlyAndUninstallsWhatItNoLongerCarries() throws Exception {
        Path jar = runnableJar("runnable.jar", Map.of("jar/a.jar", bundle("test.a", "first"),
                "jar/b.jar", bundle("test.b", "first")));
        new CarriedBundles(jar, List.of("jar/a.jar", "jar/b.jar")).install(start());
        framework.stop();
        framework.waitForStop(10_000);

        runnableJar("runnable.jar", Map.of("jar/a.jar", bundle("test.a", "rebuilt")));
        List<Bundle> bundles = new CarriedBundles(jar, List.of("jar/a.jar")).install(start());
        assertThat(bundles).hasSize(1);
        assertThat(marker(bundles.get(0))).isEqualTo("rebuilt");
        assertThat(framework.getBundleContext().getBundles()).extracting(Bundle::getSymbolicName)
                .doesNotContain("test.b");
    }

    @Test
    void aBundleAnEarlierLauncherInstalledUnderABarePathIsInstalledAgainUnderItsUrl() throws Exception {
        Path jar = runnableJar("runnable.jar", Map.of("jar/a.jar", bundle("test.a", "first")));
        try (InputStream in = Files.newInputStream(dir.resolve("a.jar"))) {
            start().installBundle("jar/a.jar", in);
        }
        Bundle a = new CarriedBundles(jar, List.of("jar/a.jar")).install(framework.getBundleContext()).get(0);
        assertThat(a.getLocation()).startsWith("jar:file:");
        assertThat(framework.getBundleContext().getBundle("jar/a.jar")).isNull();
    }

    private org.osgi.framework.BundleContext start() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString());
        framework = new FrameworkFactory().newFramework(properties);
        framework.start();
        return framework.getBundleContext();
    }

    /** Writes a jar with the given entries (also left beside it as files, for a bundle to be installed from). */
    private Path runnableJar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
                Files.write(dir.resolve(Path.of(entry.getKey()).getFileName()), entry.getValue());
            }
        }
        return jar;
    }

    private static byte[] bundle(String symbolicName, String marker) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("marker.txt"));
            out.write(marker.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String marker(Bundle bundle) throws IOException {
        try (InputStream in = bundle.getEntry("marker.txt").openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
