package io.switchboard.mihttp.commands;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code list_statistics}, as OpenSIPS core has it: {@code {"group:name": "incremental", ...}} for every
 * statistic, or for those the optional {@code statistics} selects (as {@code get_statistics} reads it).
 * A gauge ({@link io.switchboard.mi.MiStatistics#gauges()}) is {@code "non-incremental"}, as OpenSIPS
 * shows a statistic that is not a count; a histogram's {@code _count} and {@code _sum} are counts.
 * 404 "Statistics Not Found" when a selection finds nothing.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "list_statistics", description = "Lists the statistics and their types",
        params_optional = "statistics")
public final class ListStatisticsCommand implements MiCommand {
    private final StatisticsGroups groups;

    @Activate
    public ListStatisticsCommand(@Reference StatisticsGroups groups) {
        this.groups = groups;
    }

    @Override
    public Object execute(MiParams params) throws MiException {
        List<String> names = params.strings("statistics");
        return groups.table().types(names.isEmpty() ? StatisticsSelection.everything() : StatisticsSelection.of(names));
    }
}
