package io.switchboard.launcher.defaults;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Build step of the runnable jar (app/pom.xml): writes the commented default {@code PID.cfg} of every
 * configuration the given bundles designate in their metatype into the folder the launcher lays
 * {@code etc/} out from, so that a setting's description and default are written once, in its
 * {@code @ObjectClassDefinition} interface. A factory configuration is shown in the file of the PID it
 * is named after. Not part of the runnable jar.
 * <p>
 * {@code WriteDefaults <folder> <bundle.jar>...}: each bundle argument may be a list separated by the
 * platform's path separator, as Ant writes a path.
 */
public final class WriteDefaults {
    private WriteDefaults() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: WriteDefaults <folder> <bundle.jar>...");
        }
        List<Path> bundles = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            for (String path : args[i].split(File.pathSeparator)) {
                if (!path.isBlank()) {
                    bundles.add(Path.of(path));
                }
            }
        }
        List<Path> written = write(Path.of(args[0]), bundles);
        System.out.println("wrote " + written.size() + " default configurations from the metatype of "
                + bundles.size() + " bundles into " + args[0]);
    }

    /**
     * @return the files written, one per PID
     * @throws IOException when a bundle cannot be read, a file exists already (a hand-written default
     *         would hide the metatype's), or a factory configuration has no PID to be shown with
     */
    static List<Path> write(Path folder, List<Path> bundles) throws IOException {
        Metatype metatype = new Metatype();
        for (Path bundle : bundles) {
            try (JarFile jar = new JarFile(bundle.toFile())) {
                for (ZipEntry entry : jar.stream().filter(WriteDefaults::isMetatype).toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        metatype.read(bundle.getFileName() + "!/" + entry.getName(), in);
                    }
                }
            }
        }
        for (String factoryPid : metatype.factoryPids().keySet()) {
            if (metatype.pids().keySet().stream().noneMatch(pid -> factoryPid.startsWith(pid + "."))) {
                throw new IOException("the factory configuration " + factoryPid + " is named after no configuration "
                        + "whose file could show it");
            }
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (var pid : metatype.pids().entrySet()) {
            Path file = folder.resolve(pid.getKey() + ".cfg");
            if (Files.exists(file)) {
                throw new IOException(file + " exists already, but the metatype of " + pid.getKey() + " writes it");
            }
            String text;
            try {
                text = DefaultsFile.render(pid.getKey(), pid.getValue(), metatype.factoryPids());
            } catch (IllegalArgumentException untrue) {
                throw new IOException(untrue.getMessage(), untrue);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    private static boolean isMetatype(ZipEntry entry) {
        String name = entry.getName();
        return name.startsWith("OSGI-INF/metatype/") && name.endsWith(".xml") && name.indexOf('/', 18) < 0;
    }
}
