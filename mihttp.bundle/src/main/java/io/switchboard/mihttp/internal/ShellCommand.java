package io.switchboard.mihttp.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.switchboard.mi.MiException;
import io.switchboard.mi.MiStream;

/**
 * One MI command in the Gogo shell: {@code mi:uptime}, {@code mi:help mi_cmd=uptime} or
 * {@code mi:help uptime}. Arguments are all {@code name=value} with a parameter's name (named) or none
 * of them (positional, so {@code mi:rest_post URL a=1} posts {@code a=1}); a value that reads as a
 * JSON array or object is passed as one. The result is printed as indented
 * JSON; the shell is local, so every command may run.
 */
final class ShellCommand implements Function {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private final CommandRegistry registry;
    private final Invoker invoker;
    private final String name;

    ShellCommand(CommandRegistry registry, Invoker invoker, String name) {
        this.registry = registry;
        this.invoker = invoker;
        this.name = name;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        Object result;
        try {
            CommandInfo command = registry.find(name);
            result = invoker.invoke(Caller.SHELL, name,
                    params(arguments, command == null ? List.of() : command.allParams()));
        } catch (MiException failed) {
            throw new IllegalArgumentException("error " + failed.code() + ": " + failed.getMessage()
                    + (failed.data() == null ? "" : " (" + failed.data() + ")"), failed);
        }
        if (result instanceof MiStream) {
            PrintStream console = session.getConsole();
            write(console, result);
            console.println();
            return null;
        }
        StringWriter text = new StringWriter();
        write(text, result);
        return text.toString();
    }

    private static void write(Object target, Object result) throws IOException {
        try (JsonGenerator json = target instanceof PrintStream stream ? MAPPER.createGenerator(stream)
                : MAPPER.createGenerator((StringWriter) target)) {
            json.useDefaultPrettyPrinter();
            new JsonResultWriter(json).value(result);
        }
    }

    static Object params(List<Object> arguments, List<String> known) throws MiException {
        if (arguments.isEmpty()) {
            return null;
        }
        long named = arguments.stream().filter(argument -> {
            String text = String.valueOf(argument);
            return text.indexOf('=') > 0 && known.contains(text.substring(0, text.indexOf('=')));
        }).count();
        if (named == arguments.size()) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (Object argument : arguments) {
                String text = String.valueOf(argument);
                int equals = text.indexOf('=');
                params.put(text.substring(0, equals), value(text.substring(equals + 1)));
            }
            return params;
        }
        if (named > 0) {
            throw MiException.invalidParams("give every parameter as name=value, or none of them");
        }
        List<Object> params = new ArrayList<>();
        for (Object argument : arguments) {
            params.add(value(String.valueOf(argument)));
        }
        return params;
    }

    private static Object value(String text) throws MiException {
        String trimmed = text.trim();
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
            return text;
        }
        try {
            return MAPPER.readValue(trimmed, Object.class);
        } catch (JsonProcessingException notJson) {
            throw MiException.invalidParams("not valid JSON: " + trimmed);
        }
    }
}
