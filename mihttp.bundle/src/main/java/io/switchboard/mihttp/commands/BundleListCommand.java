package io.switchboard.mihttp.commands;

import java.util.Arrays;
import java.util.Comparator;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/**
 * {@code container:bundle_list} (alias {@code bundle_list}): every installed bundle in id order,
 * {@code [{"id": 0, "symbolic_name": ..., "version": ..., "state": "ACTIVE"}, ...]}.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:bundle_list", alias = "bundle_list",
        description = "Lists the installed bundles with their state")
public final class BundleListCommand implements MiCommand {
    private final BundleContext context;

    @Activate
    public BundleListCommand(BundleContext context) {
        this.context = context;
    }

    @Override
    public Object execute(MiParams params) {
        return Arrays.stream(context.getBundles()).sorted(Comparator.comparingLong(Bundle::getBundleId))
                .map(BundleOperations::describe).toList();
    }
}
