package io.switchboard.mihttp.commands;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/** {@code which}, as OpenSIPS core has it: the array of every command name and alias, sorted. */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "which", description = "Lists all available MI commands")
public final class WhichCommand implements MiCommand {
    private final CommandIndex commands;

    @Activate
    public WhichCommand(BundleContext context) {
        this.commands = new CommandIndex(context);
    }

    @Override
    public Object execute(MiParams params) throws InvalidSyntaxException {
        return commands.names();
    }
}
