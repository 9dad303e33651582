package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The commented defaults the runnable jar writes into {@code etc/} say what the bundles' metatype says:
 * every key of each configuration is there, and a number's or a switch's default is the one the code
 * applies. Texts may show an example instead (a URL filter, a user list), which the comment says.
 */
class DefaultConfigurationTest {
    private static final Pattern KEY_LINE = Pattern.compile("#([a-z0-9_]+) = ?(.*)");
    private static final Pattern PLAIN_VALUE = Pattern.compile("-?[0-9]+|true|false");

    @Test
    void everyKeyIsDocumentedWithTheDefaultTheCodeApplies() throws Exception {
        Path jar = Path.of(System.getProperty("switchboard.jar", "../app/target/switchboard.jar"));
        Map<String, Map<String, String>> metatype = new HashMap<>();
        Map<String, Map<String, String>> documented = new HashMap<>();
        try (JarFile runnable = new JarFile(jar.toFile())) {
            for (ZipEntry entry : runnable.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("jar/switchboard.") && name.endsWith(".jar")) {
                    readMetatype(runnable.getInputStream(entry), metatype);
                } else if (name.startsWith("defaults/etc/switchboard.") && name.endsWith(".cfg")) {
                    String pid = name.substring("defaults/etc/".length(), name.length() - ".cfg".length());
                    documented.put(pid, keys(new String(runnable.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(documented).as("a default file per configuration").isNotEmpty();
        List<String> problems = new ArrayList<>();
        documented.forEach((pid, keys) -> {
            Map<String, String> defaults = metatype.get(pid);
            if (defaults == null) {
                problems.add(pid + ": no metatype");
                return;
            }
            defaults.forEach((key, value) -> {
                if (!keys.containsKey(key)) {
                    problems.add(pid + ": " + key + " is not in etc/" + pid + ".cfg");
                } else if (PLAIN_VALUE.matcher(value).matches() && !value.equals(keys.get(key))) {
                    problems.add(pid + ": " + key + " = " + keys.get(key) + " in etc/, but " + value + " in the code");
                }
            });
            keys.keySet().stream().filter(key -> !defaults.containsKey(key))
                    .forEach(key -> problems.add(pid + ": " + key + " in etc/ is no setting"));
        });
        assertThat(problems).isEmpty();
    }

    /** @return {@code #key = value} lines by key */
    private static Map<String, String> keys(String cfg) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : cfg.split("\n")) {
            Matcher key = KEY_LINE.matcher(line.strip());
            if (key.matches()) {
                keys.put(key.group(1), key.group(2).strip());
            }
        }
        return keys;
    }

    /** Adds each OCD of the bundle's metatype: its attribute ids with their defaults, as one text. */
    private static void readMetatype(InputStream bundle, Map<String, Map<String, String>> metatype) throws Exception {
        ZipInputStream entries = new ZipInputStream(bundle);
        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(entries.readAllBytes()));
                NodeList ocds = document.getElementsByTagNameNS("*", "OCD");
                for (int i = 0; i < ocds.getLength(); i++) {
                    Element ocd = (Element) ocds.item(i);
                    Map<String, String> defaults = new LinkedHashMap<>();
                    NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
                    for (int j = 0; j < ads.getLength(); j++) {
                        Element ad = (Element) ads.item(j);
                        defaults.put(ad.getAttribute("id"), Arrays.stream(ad.getAttribute("default").split("(?<!\\\\),"))
                                .map(String::strip).collect(Collectors.joining(", ")));
                    }
                    metatype.put(ocd.getAttribute("id"), defaults);
                }
            }
        }
    }
}
