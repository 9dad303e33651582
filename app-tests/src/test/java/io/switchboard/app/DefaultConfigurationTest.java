package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The commented defaults the runnable jar lays out in a fresh {@code etc/} say what the bundles'
 * metatype says, and nothing else: a file per configuration the Switchboard bundles designate, its
 * header naming it, and per key its description and {@code #key = default}, the default as the code
 * applies it (none for a password); a factory configuration's keys in the file of the PID it is named
 * after. No hand-written Switchboard default is left in {@code cnf/etc} to drift from them.
 */
class DefaultConfigurationTest {
    private static final String DEFAULTS = "defaults/etc/";
    /** {@code #key = value}, or {@code #   key = value} for a factory configuration's key. */
    private static final Pattern KEY_LINE = Pattern.compile("#(   )?([a-z0-9_]+) =(?: (.*))?");
    /** A description line; one under a factory configuration's heading is indented, {@code #   # text}. */
    private static final Pattern DESCRIPTION_LINE = Pattern.compile("#(   #)? (.*)");

    /** An attribute as the metatype gives it: the text its line says and its description. */
    private record Key(String line, String description) {
    }

    /** A designated configuration: its name, and its keys by id. */
    private record Configuration(String name, boolean factory, Map<String, Key> keys) {
    }

    @Test
    void everyFileSaysTheDescriptionAndTheDefaultOfEveryKeyAsTheMetatypeDoes() throws Exception {
        Path jar = Path.of(System.getProperty("switchboard.jar", "../app/target/switchboard.jar"));
        Map<String, Configuration> metatype = new LinkedHashMap<>();
        Map<String, List<String>> files = new LinkedHashMap<>();
        try (JarFile runnable = new JarFile(jar.toFile())) {
            for (ZipEntry entry : runnable.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("jar/switchboard.") && name.endsWith(".jar")) {
                    readMetatype(runnable.getInputStream(entry), metatype);
                } else if (name.startsWith(DEFAULTS + "switchboard.") && name.endsWith(".cfg")) {
                    files.put(name.substring(DEFAULTS.length(), name.length() - ".cfg".length()),
                            new String(runnable.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                }
            }
        }
        assertThat(files.keySet()).as("a file per configuration the metatype designates")
                .containsExactlyInAnyOrderElementsOf(metatype.entrySet().stream().filter(c -> !c.getValue().factory())
                        .map(Map.Entry::getKey).toList());

        List<String> problems = new ArrayList<>();
        files.forEach((pid, lines) -> {
            if (!lines.get(0).startsWith("# " + metatype.get(pid).name() + " (PID " + pid + "): ")) {
                problems.add(pid + ": the header does not name the configuration: " + lines.get(0));
            }
            Map<String, Key> expected = new LinkedHashMap<>();
            metatype.get(pid).keys().forEach((id, key) -> expected.put(pid + " " + id, key));
            metatype.forEach((factoryPid, factory) -> {
                if (factory.factory() && factoryPid.startsWith(pid + ".")) {
                    factory.keys().forEach((id, key) -> expected.put(factoryPid + " " + id, key));
                }
            });
            Map<String, Key> documented = documented(pid, lines, metatype);
            if (!List.copyOf(documented.keySet()).equals(List.copyOf(expected.keySet()))) {
                problems.add(pid + ": etc/ has the keys " + documented.keySet() + ", the metatype " + expected.keySet());
            }
            expected.forEach((key, want) -> {
                Key got = documented.get(key);
                if (got != null && !got.equals(want)) {
                    problems.add(key + ": etc/ says " + got + ", the metatype " + want);
                }
            });
            lines.stream().filter(line -> line.length() > 100 && line.substring(2).contains(" "))
                    .forEach(line -> problems.add(pid + ": wider than 100 columns: " + line));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void noHandWrittenSwitchboardDefaultIsLeftInCnf() throws Exception {
        Path etc = Path.of(System.getProperty("switchboard.cnf", "../cnf"), "etc");
        assertThat(etc).isDirectory();
        try (Stream<Path> files = Files.list(etc)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("the metatype writes these: a hand-written one would drift from it")
                    .noneMatch(name -> name.startsWith("switchboard.") && name.endsWith(".cfg"))
                    .contains("org.ops4j.pax.logging.cfg");
        }
    }

    /**
     * @return each key line's text and the description lines just above it, by {@code PID key} (the
     *         factory PID for a key under a factory configuration's heading)
     */
    private static Map<String, Key> documented(String pid, List<String> lines, Map<String, Configuration> metatype) {
        Map<String, Key> keys = new LinkedHashMap<>();
        String section = pid;
        List<String> description = new ArrayList<>();
        for (String line : lines) {
            for (String factoryPid : metatype.keySet()) {
                if (metatype.get(factoryPid).factory() && line.startsWith("# ")
                        && line.contains("(factory PID " + factoryPid + ")")) {
                    section = factoryPid;
                }
            }
            Matcher key = KEY_LINE.matcher(line);
            Matcher text = DESCRIPTION_LINE.matcher(line);
            if (key.matches()) {
                keys.put(section + " " + key.group(2), new Key(key.group(3) == null ? "" : key.group(3),
                        String.join(" ", description)));
                description.clear();
            } else if (line.equals("#")) {
                description.clear();
            } else if (text.matches() && (text.group(1) != null) == !section.equals(pid)) {
                // under a factory configuration's heading only its keys' (indented) descriptions count
                description.add(text.group(2));
            }
        }
        return keys;
    }

    /** Adds each designated OCD of the bundle's metatype by its PID or factory PID. */
    private static void readMetatype(InputStream bundle, Map<String, Configuration> metatype) throws Exception {
        ZipInputStream entries = new ZipInputStream(bundle);
        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            if (!entry.getName().startsWith("OSGI-INF/metatype/") || !entry.getName().endsWith(".xml")) {
                continue;
            }
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(entries.readAllBytes()));
            Map<String, Element> ocds = new LinkedHashMap<>();
            NodeList ocdList = document.getElementsByTagNameNS("*", "OCD");
            for (int i = 0; i < ocdList.getLength(); i++) {
                Element ocd = (Element) ocdList.item(i);
                ocds.put(ocd.getAttribute("id"), ocd);
            }
            NodeList designates = document.getElementsByTagNameNS("*", "Designate");
            for (int i = 0; i < designates.getLength(); i++) {
                Element designate = (Element) designates.item(i);
                Element object = (Element) designate.getElementsByTagNameNS("*", "Object").item(0);
                Element ocd = ocds.get(object.getAttribute("ocdref"));
                boolean isFactory = designate.hasAttribute("factoryPid");
                metatype.put(isFactory ? designate.getAttribute("factoryPid") : designate.getAttribute("pid"),
                        new Configuration(ocd.getAttribute("name"), isFactory, keys(ocd)));
            }
        }
    }

    private static Map<String, Key> keys(Element ocd) {
        Map<String, Key> keys = new LinkedHashMap<>();
        NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
        for (int j = 0; j < ads.getLength(); j++) {
            Element ad = (Element) ads.item(j);
            // Several values as a .cfg line holds them: separated by ", "; a comma the metatype escapes
            // (\,) belongs to its value. A password shows none.
            String value = "Password".equals(ad.getAttribute("type")) ? ""
                    : Arrays.stream(ad.getAttribute("default").strip().split("\\s*(?<!\\\\),\\s*"))
                            .map(one -> one.replace("\\,", ",")).collect(Collectors.joining(", "));
            keys.put(ad.getAttribute("id"), new Key(value, ad.getAttribute("description").strip().replaceAll("\\s+", " ")));
        }
        return keys;
    }
}
