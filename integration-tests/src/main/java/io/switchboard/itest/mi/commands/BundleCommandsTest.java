package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Examples;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.mi.MiException;

/** container:bundle_* on the hello example bundle, and on mihttp itself. */
class BundleCommandsTest {
    private static final String HELLO = "switchboard.examples.hello";

    @InjectBundleContext
    BundleContext context;
    Bundle hello;
    int port;

    @BeforeEach
    void installHello() throws Exception {
        port = Httpd.port();
        hello = context.installBundle(Examples.helloJar().toUri().toString());
        hello.start();
    }

    @AfterEach
    void uninstallHello() throws Exception {
        if (hello.getState() != Bundle.UNINSTALLED) {
            hello.uninstall();
        }
    }

    @Test
    void bundleListShowsEveryBundleWithItsState() throws Exception {
        List<Object> bundles = MiCalls.list(MiCalls.call("bundle_list"));
        assertThat(bundles.get(0)).isEqualTo(Map.of("id", 0L, "symbolic_name", "org.apache.felix.framework",
                "version", context.getBundle(0).getVersion().toString(), "state", "ACTIVE"));
        assertThat(bundles).contains(Map.of("id", hello.getBundleId(), "symbolic_name", HELLO,
                "version", hello.getVersion().toString(), "state", "ACTIVE"));
        assertThat(MiCalls.call("container:bundle_list")).isEqualTo(MiCalls.call("bundle_list"));
    }

    @Test
    void stopAndStartByNameOrIdWaitForTheChange() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("bundle_stop", Map.of("bundle", HELLO)))).containsEntry("id", hello.getBundleId())
                .containsEntry("state", "RESOLVED").containsEntry("status", "done");
        assertThat(hello.getState()).isEqualTo(Bundle.RESOLVED);
        Configs.await("hello gone", Duration.ofSeconds(10), () -> Loopback.get(port, "/hello").statusCode() == 404);
        assertThat(MiCalls.map(MiCalls.call("container:bundle_start", Map.of("bundle", hello.getBundleId()))))
                .containsEntry("state", "ACTIVE").containsEntry("status", "done");
        Configs.await("hello serves again", Duration.ofSeconds(10), () -> Loopback.get(port, "/hello").statusCode() == 200);
    }

    @Test
    void updateReadsTheJarAgainFromItsLocationOrFromTheOneGiven() throws Exception {
        long modified = hello.getLastModified();
        assertThat(MiCalls.map(MiCalls.call("bundle_update", Map.of("bundle", HELLO)))).containsEntry("state", "ACTIVE")
                .containsEntry("status", "done");
        assertThat(hello.getLastModified()).isGreaterThanOrEqualTo(modified);
        assertThat(MiCalls.map(MiCalls.call("bundle_update", Map.of("bundle", Long.toString(hello.getBundleId()),
                "location", Examples.helloJar().toUri().toString())))).containsEntry("status", "done");
        Configs.await("hello serves after the update", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/hello/again").body().equals("hello, again\n"));
    }

    @Test
    void anUpdateThatCannotHappenLeavesTheBundleRunningAndSaysWhy() throws Exception {
        Path notAJar = Files.writeString(Files.createTempFile("not-a-jar", ".jar"), "plain text");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path notABundle = jar(manifest);
        Bundle api = Bundles.named(context, "switchboard.api");
        Path fragment = jar(bundleManifest(HELLO, hello.getVersion().toString(), "switchboard.api"));
        Path taken = jar(bundleManifest("switchboard.api", api.getVersion().toString(), null));
        List<Integer> events = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = event -> {
            if (event.getBundle().equals(hello)) {
                events.add(event.getType());
            }
        };
        context.addBundleListener(listener);
        try {
            Map<String, String> reasons = Map.of("file:/no/such.jar", "it cannot be read",
                    "jar/switchboard.examples.hello.jar", "it cannot be read",
                    notAJar.toUri().toString(), "it holds no bundle",
                    notABundle.toUri().toString(), "it holds no bundle",
                    fragment.toUri().toString(), "it holds a fragment",
                    taken.toUri().toString(), "bundle " + api.getBundleId() + " already is switchboard.api");
            for (Map.Entry<String, String> bad : reasons.entrySet()) {
                MiException refused = MiCalls.failure(500, "bundle_update", Map.of("bundle", HELLO, "location", bad.getKey()));
                assertThat(refused.getMessage()).startsWith("bundle " + hello.getBundleId() + " (" + HELLO
                        + ") not updated from " + bad.getKey() + ": " + bad.getValue()).endsWith("; it runs as it was");
            }
        } finally {
            context.removeBundleListener(listener);
            for (Path file : List.of(notAJar, notABundle, fragment, taken)) {
                Files.delete(file);
            }
        }
        assertThat(events).as("bundle events of hello").isEmpty();
        assertThat(hello.getState()).isEqualTo(Bundle.ACTIVE);
    }

    private static Manifest bundleManifest(String symbolicName, String version, String fragmentHost) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        if (fragmentHost != null) {
            main.putValue("Fragment-Host", fragmentHost);
        }
        return manifest;
    }

    private static Path jar(Manifest manifest) throws Exception {
        Path jar = Files.createTempFile("update", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
        }
        return jar;
    }

    @Test
    void refreshRefreshesABundleOrThosePendingRemoval() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("bundle_refresh", Map.of("bundle", HELLO))))
                .containsEntry("refreshed", List.of(hello.getBundleId())).containsEntry("status", "done");
        assertThat(MiCalls.map(MiCalls.call("container:bundle_refresh"))).containsEntry("status", "done").containsKey("refreshed");
        Configs.await("hello active after the refresh", Duration.ofSeconds(10), () -> hello.getState() == Bundle.ACTIVE);
    }

    @Test
    void unknownBundlesAre404AndFailedChanges500() {
        assertThat(MiCalls.failure(404, "bundle_stop", Map.of("bundle", "no.such.bundle")).getMessage())
                .isEqualTo("no bundle named no.such.bundle");
        assertThat(MiCalls.failure(404, "bundle_start", Map.of("bundle", 999_999)).getMessage()).isEqualTo("no bundle with id 999999");
        MiCalls.failure(404, "bundle_refresh", Map.of("bundle", "no.such.bundle"));
        MiCalls.failure(MiException.INVALID_PARAMS, "bundle_stop", Map.of());
        MiCalls.failure(MiException.INVALID_PARAMS, "bundle_stop", Map.of("bundle", List.of(HELLO)));
    }

    @Test
    void stoppingMihttpItselfAnswersAtOnceAndDoesNotDeadlock() throws Exception {
        Bundle mihttp = Bundles.named(context, "switchboard.mihttp");
        long start = System.nanoTime();
        assertThat(MiCalls.map(MiCalls.call("bundle_stop", Map.of("bundle", "switchboard.mihttp")))).containsEntry("status", "started");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Configs.await("mihttp stopped", Duration.ofSeconds(20), () -> mihttp.getState() == Bundle.RESOLVED);
        mihttp.start();
        assertThat(MiCalls.call("uptime")).isNotNull();
    }
}
