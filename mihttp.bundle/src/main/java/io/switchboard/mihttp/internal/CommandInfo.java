package io.switchboard.mihttp.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * One registered command as mihttp sees it: its names and parameter list read once from the service
 * properties. Orders by precedence: the better-ranked service first.
 */
record CommandInfo(String name, List<String> aliases, String description, List<String> params,
        List<String> optionalParams, boolean admin, String bundle, Object ranking, ServiceReference<MiCommand> reference,
        MiCommand command, CommandCalls calls) implements Comparable<CommandInfo> {

    /** @return the command, or {@code null} when the service has no {@value MiCommand#NAME} */
    static CommandInfo of(ServiceReference<MiCommand> reference, MiCommand command) {
        Object name = reference.getProperty(MiCommand.NAME);
        if (!(name instanceof String text) || text.isBlank()) {
            return null;
        }
        return new CommandInfo(text.trim(), strings(reference.getProperty(MiCommand.ALIAS)),
                String.valueOf(reference.getProperty(MiCommand.DESCRIPTION) == null ? ""
                        : reference.getProperty(MiCommand.DESCRIPTION)),
                strings(reference.getProperty(MiCommand.PARAMS)),
                strings(reference.getProperty(MiCommand.OPTIONAL_PARAMS)),
                Boolean.TRUE.equals(reference.getProperty(MiCommand.ADMIN))
                        || "true".equals(String.valueOf(reference.getProperty(MiCommand.ADMIN))),
                reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName(),
                reference.getProperty(Constants.SERVICE_RANKING), reference, command, new CommandCalls());
    }

    /** @return this command with {@code calls} as the calls it runs (those of the service it still is) */
    CommandInfo with(CommandCalls calls) {
        return new CommandInfo(name, aliases, description, params, optionalParams, admin, bundle, ranking, reference,
                command, calls);
    }

    /** @return the name and the aliases */
    List<String> names() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(name);
        aliases.stream().filter(alias -> !alias.equals(name)).forEach(names::add);
        return names;
    }

    long serviceId() {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    /**
     * @return whether a property change leaves what mihttp read unchanged; the ranking is compared
     *         with the one read at registration, as the reference itself always shows the current one
     */
    boolean sameAs(ServiceReference<MiCommand> changed) {
        CommandInfo other = of(changed, command);
        return other != null && other.name.equals(name) && other.aliases.equals(aliases)
                && other.description.equals(description) && other.params.equals(params)
                && other.optionalParams.equals(optionalParams) && other.admin == admin
                && java.util.Objects.equals(other.ranking, ranking);
    }

    /**
     * Names the parameters of a call: an object as it is, an array in the order of the required then
     * the optional parameters.
     *
     * @param given {@code null}, a {@link Map} or a {@link List}
     */
    MiParams bind(Object given) throws MiException {
        if (given == null) {
            return checked(Map.of());
        }
        if (given instanceof List<?> positional) {
            List<String> known = allParams();
            if (positional.size() > known.size()) {
                throw MiException.invalidParams(name + " takes at most " + known.size() + " parameter"
                        + (known.size() == 1 ? "" : "s") + signature() + ", " + positional.size() + " given");
            }
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < positional.size(); i++) {
                named.put(known.get(i), positional.get(i));
            }
            return checked(named);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> named = (Map<String, Object>) given;
        return checked(named);
    }

    /** @return the required then the optional parameters: the order positional parameters fill */
    List<String> allParams() {
        List<String> all = new ArrayList<>(params);
        all.addAll(optionalParams);
        return all;
    }

    private MiParams checked(Map<String, Object> named) throws MiException {
        for (String key : named.keySet()) {
            if (!params.contains(key) && !optionalParams.contains(key)) {
                throw MiException.invalidParams("unknown parameter '" + Quoted.text(key) + "' for " + name + signature());
            }
        }
        for (String required : params) {
            if (!named.containsKey(required)) {
                throw MiException.invalidParams("missing parameter '" + required + "' for " + name + signature());
            }
        }
        return MiParams.of(named);
    }

    /** @return the parameter list as help shows it, for example {@code (pid, [value])} */
    String signature() {
        List<String> all = new ArrayList<>(params);
        optionalParams.forEach(optional -> all.add("[" + optional + "]"));
        return all.isEmpty() ? " (no parameters)" : " (" + String.join(", ", all) + ")";
    }

    @Override
    public int compareTo(CommandInfo other) {
        // ServiceReference orders lowest ranking, then highest id, first: the best one is the greatest.
        return other.reference.compareTo(reference);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> values = value instanceof String[] array ? List.of(array)
                : value instanceof Collection<?> collection ? collection : List.of(value);
        return values.stream().map(String::valueOf).map(String::trim).filter(text -> !text.isEmpty()).toList();
    }
}
