package io.switchboard.launcher.defaults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.launcher.defaults.Metatype.Ad;
import io.switchboard.launcher.defaults.Metatype.Ocd;

/**
 * The commented default {@code etc/PID.cfg} of one configuration, written from its metatype: a header
 * with the configuration's name, PID and description and how changes and refusals work, then per key
 * its description and {@code #key = default}; the factory configurations named after the PID
 * ({@code PID.something}) follow, as the keys a file of theirs takes. Comments wrap at {@value #WIDTH}
 * columns. A user removes the {@code #} of a key to set it.
 */
final class DefaultsFile {
    static final int WIDTH = 100;
    /** How the keys of a factory configuration are indented in the comment that shows them. */
    private static final String FACTORY_INDENT = "#   ";

    private DefaultsFile() {
    }

    /**
     * @param factories every factory configuration's definition by factory PID; those named
     *        {@code pid.something} are shown
     * @throws IllegalArgumentException when a default cannot be written truthfully: a password with a
     *         default, or a value of a multi-valued key that holds a comma
     */
    static String render(String pid, Ocd ocd, Map<String, Ocd> factories) {
        List<String> lines = new ArrayList<>();
        wrap(lines, "# ", title(ocd, "PID " + pid));
        wrap(lines, "# ", "Changes apply live. A refused value is logged with its PID, key, value and rule, and the "
                + "previous configuration stays in force. Every key below is commented out at its default.");
        lines.add("#");
        for (Ad ad : ocd.attributes()) {
            wrap(lines, "# ", ad.description());
            lines.add(("#" + ad.id() + " = " + value(pid, ad)).strip());
        }
        factories.forEach((factoryPid, factory) -> {
            if (factoryPid.startsWith(pid + ".")) {
                lines.add("#");
                wrap(lines, "# ", title(factory, "factory PID " + factoryPid) + " One file per instance, named "
                        + factoryPid + "-NAME.cfg, with these keys:");
                for (Ad ad : factory.attributes()) {
                    wrap(lines, FACTORY_INDENT + "# ", ad.description());
                    lines.add((FACTORY_INDENT + ad.id() + " = " + value(factoryPid, ad)).strip());
                }
            }
        });
        return String.join("\n", lines) + "\n";
    }

    /**
     * @return {@code Name (PID x): description}, the description's capital dropped unless its first word
     *         is a name such as REST or OpenSIPS
     */
    private static String title(Ocd ocd, String pid) {
        String description = ocd.description();
        String firstWord = description.split("\\s", 2)[0];
        if (!firstWord.isEmpty() && Character.isUpperCase(firstWord.charAt(0))
                && firstWord.substring(1).chars().noneMatch(Character::isUpperCase)) {
            description = Character.toLowerCase(description.charAt(0)) + description.substring(1);
        }
        String title = ocd.name().isEmpty() ? pid : ocd.name() + " (" + pid + ")";
        return description.isEmpty() ? title + "." : title + ": " + description;
    }

    /**
     * @return the default as a {@code .cfg} line holds it: several values separated by commas, a
     *         backslash escaped; nothing for a password, whose default would be a secret everyone has
     */
    static String value(String pid, Ad ad) {
        if (ad.password()) {
            if (!String.join("", ad.defaults()).isEmpty()) {
                throw new IllegalArgumentException(pid + ": the password " + ad.id() + " has a default, which would be "
                        + "the same secret in every installation");
            }
            return "";
        }
        if (ad.cardinality() != 0 && ad.defaults().stream().anyMatch(value -> value.contains(","))) {
            throw new IllegalArgumentException(pid + ": a default of " + ad.id() + " holds a comma, which a .cfg "
                    + "line would read as two values");
        }
        return String.join(", ", ad.defaults()).replace("\\", "\\\\");
    }

    /** Adds {@code text} as lines of at most {@value #WIDTH} columns, each starting with {@code prefix}. */
    static void wrap(List<String> lines, String prefix, String text) {
        if (text.isBlank()) {
            return;
        }
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(prefix);
            }
            if (line.length() > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }
}
