package io.switchboard.mihttp.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code reset_statistics}, as OpenSIPS core has it: sets the counters {@code statistics} selects back
 * to zero (the same selection as {@code get_statistics}; gauges stay as they are) and answers
 * {@code "OK"}. 404 "Statistics Not Found" when the selection finds nothing.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "reset_statistics", description = "Resets statistics to zero", params = "statistics",
        admin = true)
public final class ResetStatisticsCommand implements MiCommand {
    private final StatisticsGroups groups;

    @Activate
    public ResetStatisticsCommand(@Reference StatisticsGroups groups) {
        this.groups = groups;
    }

    @Override
    public Object execute(MiParams params) throws MiException {
        groups.reset(StatisticsSelection.of(params));
        return "OK";
    }
}
