package io.switchboard.httpd.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.httpd.RootPath;

/**
 * The Gogo command {@code httpd:httpd_list_root_path} (OpenSIPS's MI command of that name), also
 * reachable as {@code httpd:list_root_path}.
 */
@Component(service = RootPathCommand.class, property = { "osgi.command.scope=httpd",
        "osgi.command.function=httpd_list_root_path", "osgi.command.function=list_root_path" })
public final class RootPathCommand {
    private final HttpdRuntime runtime;

    @Activate
    public RootPathCommand(@Reference HttpdRuntime runtime) {
        this.runtime = runtime;
    }

    /** @return one line per root handler: root, module, bundle, ranking and whether it serves */
    public String httpd_list_root_path() {
        return format(runtime.roots());
    }

    /** @return the same as {@link #httpd_list_root_path()} */
    public String list_root_path() {
        return httpd_list_root_path();
    }

    static String format(List<RootPath> roots) {
        StringBuilder out = new StringBuilder(String.format("%-16s %-24s %-32s %8s %8s  %s%n", "http_root", "module",
                "bundle", "ranking", "service", "state"));
        for (RootPath root : roots) {
            out.append(String.format("%-16s %-24s %-32s %8d %8d  %s%n", root.root(), root.module(),
                    root.bundle() + " [" + root.bundleId() + "]", root.ranking(), root.serviceId(),
                    root.serving() ? "serving" : "waiting"));
        }
        return out.toString();
    }
}
