package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The container's working folder, laid out before the framework starts so that nothing watches or
 * reads a folder that is not there yet: {@code etc/} with a commented default configuration for every
 * PID (files a user already has are never overwritten), {@code deploy/} for hot deploy, and
 * {@code log/}. The defaults travel in the runnable jar under {@value #DEFAULTS}.
 */
final class WorkingFolder {
    static final String DEFAULTS = "defaults/etc";
    /** The logging configuration pax-logging reads at its start, before ConfigAdmin has any. */
    static final String LOGGING_CFG = "org.ops4j.pax.logging.cfg";

    private final Path home;
    private final Path etc;
    private final List<Path> written;

    private WorkingFolder(Path home, Path etc, List<Path> written) {
        this.home = home;
        this.etc = etc;
        this.written = written;
    }

    /**
     * @param home the working folder
     * @param etcName the configuration folder FileInstall watches, relative to {@code home} or absolute
     * @param carrier the runnable jar, or a folder (in tests), that holds {@value #DEFAULTS}
     * @throws IOException when a folder cannot be created or a default written
     */
    static WorkingFolder layOut(Path home, String etcName, Path carrier) throws IOException {
        Path etc = home.resolve(etcName);
        Files.createDirectories(etc);
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("log"));
        List<Path> written = new ArrayList<>();
        try (Defaults defaults = Defaults.in(carrier)) {
            for (Path entry : defaults.list()) {
                Path target = etc.resolve(entry.getFileName().toString());
                if (Files.notExists(target)) {
                    try (InputStream in = Files.newInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    written.add(target);
                }
            }
        }
        return new WorkingFolder(home, etc, written);
    }

    /** @return the default files this start wrote, none when the folder had them all */
    List<Path> written() {
        return written;
    }

    Path loggingConfiguration() {
        return etc.resolve(LOGGING_CFG);
    }

    /** @return the files the logging configuration writes to, as absolute paths; empty for the console only */
    List<Path> logFiles() {
        Properties logging = new Properties();
        try (InputStream in = Files.newInputStream(loggingConfiguration())) {
            logging.load(in);
        } catch (IOException unreadable) {
            return List.of();
        }
        return logging.stringPropertyNames().stream()
                .filter(key -> key.startsWith("log4j2.appender.") && key.endsWith(".fileName")).sorted()
                .map(key -> home.resolve(logging.getProperty(key).trim()).normalize()).toList();
    }

    /** The default files inside the jar or folder that carries them. */
    private record Defaults(Path root, FileSystem jar) implements AutoCloseable {
        static Defaults in(Path carrier) throws IOException {
            if (Files.isDirectory(carrier)) {
                return new Defaults(carrier, null);
            }
            FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + carrier.toUri()), Map.of());
            return new Defaults(jar.getPath("/"), jar);
        }

        List<Path> list() throws IOException {
            Path folder = root.resolve(DEFAULTS);
            if (!Files.isDirectory(folder)) {
                throw new IOException(DEFAULTS + " is missing from " + root);
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(path -> path.getFileName().toString().endsWith(".cfg")).sorted().toList();
            } catch (UncheckedIOException failed) {
                throw failed.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
