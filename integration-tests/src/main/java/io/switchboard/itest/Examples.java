package io.switchboard.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.osgi.framework.FrameworkUtil;

/** The example bundles the reactor built, found through the {@code switchboard.examples} property. */
public final class Examples {
    private Examples() {
    }

    /** @return the jar of {@code examples/hello.bundle} */
    public static Path helloJar() throws IOException {
        return jar("hello");
    }

    /** @return the jar of {@code examples/xhttp.bundle} */
    public static Path xhttpJar() throws IOException {
        return jar("xhttp");
    }

    private static Path jar(String example) throws IOException {
        Path target = Path.of(FrameworkUtil.getBundle(Examples.class).getBundleContext()
                .getProperty("switchboard.examples"), example + ".bundle", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("switchboard\\.examples\\." + example + "-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no " + example + " example jar in " + target));
        }
    }
}
