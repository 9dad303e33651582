package io.switchboard.httpd.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/**
 * The MI command {@code httpd:list_root_path} (OpenSIPS's {@code httpd_list_root_path}, kept as an
 * alias): one entry per root with OpenSIPS's {@code http_root} and {@code module}, then what
 * Switchboard adds: bundle, ranking, service id and whether the handler serves or waits.
 */
@Component
@MiCommandSpec(command = "httpd:list_root_path", alias = "httpd_list_root_path",
        description = "Lists the root paths registered with httpd and the modules that own them")
public final class RootPathMiCommand implements MiCommand {
    private final HttpdRuntime runtime;

    @Activate
    public RootPathMiCommand(@Reference HttpdRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Object execute(MiParams params) {
        return runtime.roots().stream().map(root -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("http_root", root.root());
            entry.put("module", root.module());
            entry.put("bundle", root.bundle());
            entry.put("ranking", root.ranking());
            entry.put("service_id", root.serviceId());
            entry.put("state", root.serving() ? "serving" : "waiting");
            return entry;
        }).toList();
    }
}
