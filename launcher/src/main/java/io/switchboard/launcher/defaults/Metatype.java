package io.switchboard.launcher.defaults;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What bundles' metatype resources ({@code OSGI-INF/metatype/*.xml}, as bnd writes them from
 * {@code @ObjectClassDefinition} interfaces) say about the configurations they designate: for each PID
 * and each factory PID, its object class definition. Localized texts ({@code %key}) are refused: the
 * defaults are written from the texts themselves.
 */
final class Metatype {
    /** An object class definition: the name and description of a configuration, and its attributes. */
    record Ocd(String id, String name, String description, List<Ad> attributes) {
    }

    /**
     * An attribute definition.
     *
     * @param type the metatype type name: {@code String}, {@code Integer}, {@code Boolean}, {@code Password}...
     * @param cardinality 0 for one value, else the most values
     * @param defaults the default values, none when the attribute has no default
     */
    record Ad(String id, String type, int cardinality, String description, List<String> defaults) {
        boolean password() {
            return "Password".equals(type);
        }
    }

    private final Map<String, Ocd> pids = new LinkedHashMap<>();
    private final Map<String, Ocd> factoryPids = new LinkedHashMap<>();

    /** @return the singleton configurations' definitions by PID, in the order they were read */
    Map<String, Ocd> pids() {
        return pids;
    }

    /** @return the factory configurations' definitions by factory PID, in the order they were read */
    Map<String, Ocd> factoryPids() {
        return factoryPids;
    }

    /**
     * Adds what one metatype resource designates.
     *
     * @param resource where it comes from, for messages
     * @throws IOException when it is no metatype document, or a PID is designated twice
     */
    void read(String resource, InputStream xml) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            root = factory.newDocumentBuilder().parse(xml).getDocumentElement();
        } catch (ParserConfigurationException | SAXException unreadable) {
            throw new IOException(resource + " is no metatype document: " + unreadable.getMessage(), unreadable);
        }
        Map<String, Ocd> ocds = new LinkedHashMap<>();
        for (Element ocd : children(root, "OCD")) {
            List<Ad> ads = new ArrayList<>();
            for (Element ad : children(ocd, "AD")) {
                ads.add(new Ad(ad.getAttribute("id"), ad.getAttribute("type"), cardinality(resource, ad),
                        text(resource, ad, "description"),
                        ad.hasAttribute("default") ? values(ad.getAttribute("default")) : List.of()));
            }
            ocds.put(ocd.getAttribute("id"), new Ocd(ocd.getAttribute("id"), text(resource, ocd, "name"),
                    text(resource, ocd, "description"), List.copyOf(ads)));
        }
        for (Element designate : children(root, "Designate")) {
            for (Element object : children(designate, "Object")) {
                Ocd ocd = ocds.get(object.getAttribute("ocdref"));
                if (ocd == null) {
                    throw new IOException(resource + ": a Designate refers to OCD '" + object.getAttribute("ocdref")
                            + "', which it does not define");
                }
                boolean factory = !designate.getAttribute("factoryPid").isEmpty();
                String pid = factory ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
                if ((factory ? factoryPids : pids).putIfAbsent(pid, ocd) != null) {
                    throw new IOException(resource + ": " + pid + " is designated twice");
                }
            }
        }
    }

    /**
     * Splits a metatype default as the specification writes several values in one attribute: separated
     * by commas, {@code \,} a comma inside a value, {@code \\} a backslash, blanks around a value ignored.
     */
    static List<String> values(String attribute) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < attribute.length(); i++) {
            char c = attribute.charAt(i);
            if (c == '\\' && i + 1 < attribute.length()) {
                value.append(attribute.charAt(++i));
            } else if (c == ',') {
                values.add(value.toString().strip());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString().strip());
        return List.copyOf(values);
    }

    private static int cardinality(String resource, Element ad) throws IOException {
        String cardinality = ad.getAttribute("cardinality");
        try {
            return cardinality.isEmpty() ? 0 : Math.abs(Integer.parseInt(cardinality));
        } catch (NumberFormatException notANumber) {
            throw new IOException(resource + ": AD " + ad.getAttribute("id") + " has cardinality '" + cardinality + "'");
        }
    }

    private static String text(String resource, Element element, String attribute) throws IOException {
        String text = element.getAttribute(attribute);
        if (text.startsWith("%")) {
            throw new IOException(resource + ": " + element.getLocalName() + " " + element.getAttribute("id") + " has a "
                    + "localized " + attribute + " (" + text + "); the defaults are written from plain texts only");
        }
        return text.strip();
    }

    /** @return the child elements with this local name, in any namespace (bnd leaves OCD and AD in none) */
    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }
}
