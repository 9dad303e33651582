package io.switchboard.mihttp.commands;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * Which statistics a {@code statistics} parameter names, as OpenSIPS reads it: {@code all} for every
 * statistic, {@code group:} for every statistic of a group, {@code group:name} for one, and a bare
 * {@code name} for the statistic of that name in whichever group has one. Anything else names nothing.
 */
final class StatisticsSelection {
    private final boolean all;
    private final Set<String> groups = new HashSet<>();
    private final Set<String> qualifiedNames = new HashSet<>();
    private final Set<String> bareNames = new HashSet<>();

    private StatisticsSelection(boolean all) {
        this.all = all;
    }

    /** @return the selection of every statistic */
    static StatisticsSelection everything() {
        return new StatisticsSelection(true);
    }

    /**
     * @return the selection the required parameter {@code statistics} names
     * @throws MiException invalid params when it is missing or not strings
     */
    static StatisticsSelection of(MiParams params) throws MiException {
        if (params.get("statistics") == null) {
            throw MiException.invalidParams("missing parameter 'statistics'");
        }
        return of(params.strings("statistics"));
    }

    /** @return the selection {@code items} name */
    static StatisticsSelection of(List<String> items) {
        StatisticsSelection selection = new StatisticsSelection(items.contains("all"));
        for (String item : items) {
            int colon = item.indexOf(':');
            if (colon < 0) {
                selection.bareNames.add(item);
            } else if (colon == item.length() - 1) {
                selection.groups.add(item.substring(0, colon));
            } else {
                selection.qualifiedNames.add(item);
            }
        }
        return selection;
    }

    /** @return whether the statistic {@code name} of {@code group} is selected */
    boolean matches(String group, String name) {
        return selectsGroup(group) || names(group, name);
    }

    /** @return whether the statistic {@code name} of {@code group} is named itself, not through its group or {@code all} */
    boolean names(String group, String name) {
        return qualifiedNames.contains(group + ":" + name) || bareNames.contains(name);
    }

    /** @return whether every statistic of {@code group} is selected, which finds the group even when it has none */
    boolean selectsGroup(String group) {
        return all || groups.contains(group);
    }
}
