package io.switchboard.itest.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/**
 * Every old revision of a Switchboard bundle can be collected once it is updated and refreshed:
 * nothing keeps its class loader, and the threads and descriptors it had are gone (Switchboard's
 * threads by name: the server's own pools grow and shrink with the load).
 */
class RevisionLeakTest {
    private static final int UPDATES = 50;
    private static final List<String> BUNDLES = List.of("switchboard.httpd", "switchboard.mihttp",
            "switchboard.xhttp", "switchboard.restclient", "switchboard.anchor");

    @InjectBundleContext
    BundleContext context;

    @Test
    void fiftyUpdatesOfEachBundleLeaveNoOldRevisionThreadOrDescriptor() throws Exception {
        int port = Httpd.port();
        serves(port);
        Map<String, Long> threads = switchboardThreads();
        long descriptors = openDescriptors();
        Map<String, List<WeakReference<ClassLoader>>> old = new LinkedHashMap<>();
        for (String name : BUNDLES) {
            Bundle bundle = Bundles.named(context, name);
            List<WeakReference<ClassLoader>> revisions = old.computeIfAbsent(name, key -> new ArrayList<>());
            for (int i = 0; i < UPDATES; i++) {
                revisions.add(new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader()));
                bundle.update();
                // Each revision of mihttp reads the JVM's metrics, through the Prometheus client it embeds.
                scraped(port);
            }
            refresh(bundle);
            serves(port);
        }
        forgetTheLastRecordEquals();
        try {
            Configs.await("every old revision collected", Duration.ofSeconds(30), () -> {
                System.gc();
                return surviving(old).isEmpty();
            });
        } catch (AssertionError notAll) {
            // the assertion below names what is left
        }
        assertThat(surviving(old)).as("old revisions still reachable, by bundle").isEmpty();
        // A pool may have shrunk meanwhile: no more threads of any name than at the start.
        Configs.await("Switchboard's threads back to " + threads, Duration.ofSeconds(60),
                () -> switchboardThreads().entrySet().stream()
                        .allMatch(named -> named.getValue() <= threads.getOrDefault(named.getKey(), 0L)));
        Configs.await("descriptors back to " + descriptors, Duration.ofSeconds(60),
                () -> openDescriptors() <= descriptors);
        assertThat(surviving(old)).isEmpty();
    }

    /** @return the live threads Switchboard's bundles start, counted by the name they have without their number */
    private static Map<String, Long> switchboardThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("switchboard-") || name.startsWith("microhttpd")
                        || name.startsWith("httpclient-"))
                .collect(Collectors.groupingBy(name -> name.replaceAll("[-0-9]+$", ""), TreeMap::new,
                        Collectors.counting()));
    }

    /** @return by bundle, how many old revisions' class loaders are still reachable */
    private static Map<String, Long> surviving(Map<String, List<WeakReference<ClassLoader>>> old) {
        Map<String, Long> surviving = new TreeMap<>();
        old.forEach((name, loaders) -> {
            long count = loaders.stream().filter(loader -> loader.get() != null).count();
            if (count > 0) {
                surviving.put(name, count);
            }
        });
        return surviving;
    }

    /** A record of this bundle, which is never updated. */
    private record Marker(int value) {
    }

    /**
     * JDK 17 keeps the last record type whose {@code equals} it generated, through a method handle's
     * {@code asTypeCache} in {@code java.lang.runtime.ObjectMethods} (JDK-8078641, fixed in JDK 18), and
     * with it that type's class loader: at most one, whichever bundle it came from. A record of this
     * bundle takes that place, so what is left reachable is what Switchboard keeps.
     */
    private static void forgetTheLastRecordEquals() {
        assertThat(new Marker(1)).isNotEqualTo(new Marker(2));
    }

    private void refresh(Bundle bundle) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle), event -> done.complete(null));
        done.get(60, TimeUnit.SECONDS);
    }

    private static void serves(int port) throws Exception {
        Configs.await("httpd and the MI serving", Duration.ofSeconds(30),
                () -> Loopback.get(port, "/mi/").statusCode() == 200);
    }

    private static void scraped(int port) throws Exception {
        Configs.await("/metrics serving", Duration.ofSeconds(30),
                () -> Loopback.get(port, "/metrics").body().contains("jvm_threads_current"));
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
