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
 * to zero (the same selection as {@code get_statistics}) and answers {@code "OK"}. Gauges stay as they
 * are: a group or {@code all} passes over them, and naming one itself is refused whole with 400
 * "Statistics Not Resettable", where OpenSIPS would answer "OK" and change nothing. 404 "Statistics
 * Not Found" when the selection finds nothing.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "reset_statistics", description = "Resets counters to zero (gauges stay as they are)",
        params = "statistics", admin = true)
public final class ResetStatisticsCommand implements MiCommand {
    private final StatisticsGroups groups;

    @Activate
    public ResetStatisticsCommand(@Reference StatisticsGroups groups) {
        this.groups = groups;
    }

    @Override
    public Object execute(MiParams params) throws MiException {
        groups.table().reset(StatisticsSelection.of(params));
        return "OK";
    }
}
