package io.switchboard.mihttp.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code help}, as OpenSIPS core has it. With {@code mi_cmd} (a name or an alias):
 * {@code {"Help": description, "Exported by": bundle symbolic name, "Params": [...], "Optional params":
 * [...], "Admin": bool}}; without it, OpenSIPS's usage line. 404 "unknown MI command" for a name no
 * command answers to, as OpenSIPS answers.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "help", description = "Prints information about MI commands usage", params_optional = "mi_cmd")
public final class HelpCommand implements MiCommand {
    static final int UNKNOWN_COMMAND = 404;
    private static final String USAGE = "Usage: help mi_cmd - returns information about 'mi_cmd'";

    private final CommandIndex commands;

    @Activate
    public HelpCommand(BundleContext context) {
        this.commands = new CommandIndex(context);
    }

    @Override
    public Object execute(MiParams params) throws MiException, InvalidSyntaxException {
        Optional<String> name = params.optionalString("mi_cmd");
        if (name.isEmpty()) {
            return USAGE;
        }
        ServiceReference<MiCommand> command = commands.find(name.get())
                .orElseThrow(() -> new MiException(UNKNOWN_COMMAND, "unknown MI command", name.get()));
        Object description = command.getProperty(MiCommand.DESCRIPTION);
        Bundle bundle = command.getBundle();
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("Help", description instanceof String text && !text.isEmpty() ? text : "not available for this command");
        if (bundle != null) {
            help.put("Exported by", bundle.getSymbolicName());
        }
        help.put("Params", CommandIndex.strings(command.getProperty(MiCommand.PARAMS)));
        help.put("Optional params", CommandIndex.strings(command.getProperty(MiCommand.OPTIONAL_PARAMS)));
        help.put("Admin", Boolean.TRUE.equals(command.getProperty(MiCommand.ADMIN))
                || "true".equals(command.getProperty(MiCommand.ADMIN)));
        return help;
    }
}
