package io.switchboard.mihttp.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code get_statistics}, as OpenSIPS core has it: {@code statistics} is one string or an array of
 * {@code group:name}, {@code group:} or {@code all} ({@link StatisticsSelection}); the answer is
 * {@code {"group:name": value, ...}}, counters and gauges alike, and a histogram as
 * {@code group:name_count} and {@code group:name_sum} ({@link StatisticsTable}). 404 "Statistics Not
 * Found" when the selection finds nothing (a group selected whole is found even before it has any).
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "get_statistics", description = "Prints the current values of statistics (all, a group or one)",
        params = "statistics")
public final class GetStatisticsCommand implements MiCommand {
    private final StatisticsGroups groups;

    @Activate
    public GetStatisticsCommand(@Reference StatisticsGroups groups) {
        this.groups = groups;
    }

    @Override
    public Object execute(MiParams params) throws MiException {
        return groups.table().values(StatisticsSelection.of(params));
    }
}
