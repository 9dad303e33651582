package io.switchboard.mihttp.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiException;
import io.switchboard.mi.MiStatistics;

/**
 * The MI's statistics group {@code mi}, every one a counter:
 * <ul>
 * <li>{@code auth_failures}: logins whose user name or password was wrong (a request with no
 * credentials is challenged, not counted: a browser's first request always has none);</li>
 * <li>{@code refused}: requests answered 403 (not a local client, through a proxy, a password over
 * plain HTTP, another site's {@code Origin}, an expired form);</li>
 * <li>{@code throttled}: requests answered 429 (a login while the address's penalty window runs);</li>
 * <li>{@code errors_<code>}: calls answered with that error code, from any front (JSON-RPC, the web
 * page, the shell), and JSON-RPC requests refused before any call (parse error, invalid request); a
 * negative code is written {@code minus}: {@code errors_minus32601};</li>
 * <li>{@code <command>_calls}: calls that found the command, by its name or an alias, from any front and
 * whatever their outcome, under its name with every character but letters, digits and {@code _} made
 * {@code _} ({@code container:bundle_list} counts as {@code container_bundle_list_calls}).</li>
 * </ul>
 * A command's counter is listed, at zero, from its registration on ({@link CommandRegistry} says when);
 * the JSON-RPC 2.0 codes' and the admin role's from the start, other codes' from their first error.
 * Counters outlive their commands, so a hot swap does not reset them. Immediate: the counters live as
 * long as the bundle. It references nothing: {@code get_statistics}, a command, reads it.
 */
@Component(service = { MiStatistics.class, MiCounters.class }, immediate = true,
        property = MiStatistics.GROUP + "=" + MiCounters.GROUP)
public final class MiCounters implements MiStatistics {
    static final String GROUP = "mi";
    static final String AUTH_FAILURES = "auth_failures";
    static final String REFUSED = "refused";
    static final String THROTTLED = "throttled";
    static final String CALLS = "_calls";
    static final String ERRORS = "errors_";
    static final String MINUS = "minus";
    private static final int[] LISTED_CODES = { MiException.PARSE_ERROR, MiException.INVALID_REQUEST,
            MiException.METHOD_NOT_FOUND, MiException.INVALID_PARAMS, MiException.INTERNAL_ERROR,
            MiException.FORBIDDEN };

    private final Map<String, LongAdder> fixed = Map.of(AUTH_FAILURES, new LongAdder(), REFUSED, new LongAdder(),
            THROTTLED, new LongAdder());
    private final ConcurrentMap<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    /** By statistic name: commands whose names differ only in characters a name cannot hold share one. */
    private final ConcurrentMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    /** By command name, each to its statistic's counter: one look-up per call. */
    private final ConcurrentMap<String, LongAdder> callsByCommand = new ConcurrentHashMap<>();

    public MiCounters() {
        for (int code : LISTED_CODES) {
            errors.put(code, new LongAdder());
        }
    }

    /** Lists the counter of the command named {@code command}, at zero until it is called. */
    void listed(String command) {
        calls(command);
    }

    /** Counts one call of the command named {@code command} (its name, not the alias it was called by). */
    void called(String command) {
        calls(command).increment();
    }

    /** Counts one error answered with {@code code}. */
    void failed(int code) {
        LongAdder counter = errors.get(code);
        (counter != null ? counter : errors.computeIfAbsent(code, absent -> new LongAdder())).increment();
    }

    void authenticationFailed() {
        fixed.get(AUTH_FAILURES).increment();
    }

    /** Counts one request answered 403 or 429; other statuses are not counted. */
    void answered(int status) {
        if (status == 403) {
            fixed.get(REFUSED).increment();
        } else if (status == 429) {
            fixed.get(THROTTLED).increment();
        }
    }

    private LongAdder calls(String command) {
        LongAdder counter = callsByCommand.get(command);
        return counter != null ? counter : callsByCommand.computeIfAbsent(command,
                name -> calls.computeIfAbsent(callsName(name), absent -> new LongAdder()));
    }

    /** @return the statistic that counts the calls of {@code command} */
    static String callsName(String command) {
        StringBuilder name = new StringBuilder(command.length() + CALLS.length());
        command.chars().forEach(c -> name.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? (char) c : '_'));
        return name.append(CALLS).toString();
    }

    /** @return the statistic that counts the errors of {@code code} */
    static String errorsName(int code) {
        return code < 0 ? ERRORS + MINUS + -(long) code : ERRORS + code;
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(AUTH_FAILURES, fixed.get(AUTH_FAILURES).sum());
        values.put(REFUSED, fixed.get(REFUSED).sum());
        values.put(THROTTLED, fixed.get(THROTTLED).sum());
        new TreeMap<>(errors).forEach((code, counter) -> values.put(errorsName(code), counter.sum()));
        new TreeMap<>(calls).forEach((name, counter) -> values.put(name, counter.sum()));
        return values;
    }

    @Override
    public boolean reset(String name) {
        LongAdder counter = fixed.get(name);
        if (counter == null) {
            counter = calls.get(name);
        }
        if (counter == null) {
            counter = errors.entrySet().stream().filter(entry -> errorsName(entry.getKey()).equals(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (counter == null) {
            return false;
        }
        counter.reset();
        return true;
    }
}
