package io.switchboard.mihttp.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code list_statistics}, as OpenSIPS core has it: {@code {"group:name": "incremental", ...}} for every
 * counter, or for those the optional {@code statistics} selects (as {@code get_statistics} reads it).
 * {@link io.switchboard.mi.MiStatistics} does not tell counters from gauges, so every one is listed as
 * OpenSIPS lists counters. 404 "Statistics Not Found" when a selection finds nothing.
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
        Map<String, Object> types = new LinkedHashMap<>();
        groups.values(names.isEmpty() ? StatisticsSelection.everything() : StatisticsSelection.of(names))
                .keySet().forEach(name -> types.put(name, "incremental"));
        return types;
    }
}
