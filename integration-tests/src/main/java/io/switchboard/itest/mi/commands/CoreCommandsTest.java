package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;

/** OpenSIPS core's generic commands, with OpenSIPS's result shapes. */
class CoreCommandsTest {
    private static final String CTIME = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}";

    @InjectBundleContext
    BundleContext context;

    @Test
    void uptimeSaysNowUpSinceAndUpTimeInSeconds() throws Exception {
        Map<String, Object> uptime = MiCalls.map(MiCalls.call("uptime"));
        assertThat(uptime).containsOnlyKeys("Now", "Up since", "Up time");
        assertThat((String) uptime.get("Now")).matches(CTIME);
        assertThat((String) uptime.get("Up since")).matches(CTIME);
        long seconds = Long.parseLong(((String) uptime.get("Up time")).replace(" [sec]", ""));
        long jvmSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        assertThat(seconds).isBetween(jvmSeconds - 2, jvmSeconds + 2);
    }

    @Test
    void versionNamesSwitchboardJavaAndFelix() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("version"))).containsOnlyKeys("Server");
        assertThat((String) MiCalls.map(MiCalls.call("version")).get("Server"))
                .matches("Switchboard 0\\.1\\.0\\S* \\(Java 17\\S*, Felix 7\\.0\\.5\\)");
    }

    @Test
    void psListsTheThreadsAsProcesses() throws Exception {
        List<Object> processes = MiCalls.list(MiCalls.map(MiCalls.call("ps")).get("Processes"));
        assertThat(processes).hasSizeGreaterThan(5);
        assertThat(processes.get(0)).isEqualTo(Map.of("ID", 0, "PID", ((Map<?, ?>) processes.get(0)).get("PID"),
                "Type", ((Map<?, ?>) processes.get(0)).get("Type")));
        assertThat(processes).anySatisfy(process -> assertThat(MiCalls.map(process))
                .containsEntry("PID", Thread.currentThread().getId())
                .containsEntry("Type", Thread.currentThread().getName()));
    }

    @Test
    void whichListsEveryNameAndAliasSorted() throws Exception {
        List<Object> names = MiCalls.list(MiCalls.call("which"));
        assertThat(names).isSorted().doesNotHaveDuplicates().contains("which", "help", "version", "uptime", "ps",
                "log_level", "get_statistics", "list_statistics", "reset_statistics", "container:bundle_list",
                "bundle_list", "container:config_set", "config_set", "httpd:list_root_path", "httpd_list_root_path");
    }

    @Test
    void whichSeesACommandRegisteredAndRemovedAtRuntime() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MiCommand.NAME, "itest:probe");
        properties.put(MiCommand.ALIAS, new String[] { "itest_probe" });
        ServiceRegistration<MiCommand> registration = context.registerService(MiCommand.class, params -> "probed", properties);
        assertThat(MiCalls.list(MiCalls.call("which"))).contains("itest:probe", "itest_probe");
        registration.unregister();
        assertThat(MiCalls.list(MiCalls.call("which"))).doesNotContain("itest:probe", "itest_probe");
    }

    @Test
    void helpDescribesACommandByNameOrAlias() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("help", Map.of("mi_cmd", "bundle_stop")))).containsExactly(
                Map.entry("Help", "Stops a bundle"), Map.entry("Exported by", "switchboard.mihttp"),
                Map.entry("Params", List.of("bundle")), Map.entry("Optional params", List.of()), Map.entry("Admin", true));
        Map<String, Object> uptime = MiCalls.map(MiCalls.call("help", Map.of("mi_cmd", "uptime")));
        assertThat(uptime).containsEntry("Admin", false).containsEntry("Params", List.of());
        assertThat(MiCalls.map(MiCalls.call("help", Map.of("mi_cmd", "httpd_list_root_path"))))
                .containsEntry("Exported by", "switchboard.httpd");
    }

    @Test
    void helpWithoutACommandSaysHowToUseIt() throws Exception {
        assertThat(MiCalls.call("help")).isEqualTo("Usage: help mi_cmd - returns information about 'mi_cmd'");
    }

    @Test
    void helpOnAnUnknownCommandIs404() {
        MiException unknown = MiCalls.failure(404, "help", Map.of("mi_cmd", "no_such(command)*"));
        assertThat(unknown.getMessage()).isEqualTo("unknown MI command");
        assertThat(unknown.data()).isEqualTo("no_such(command)*");
        MiCalls.failure(MiException.INVALID_PARAMS, "help", Map.of("mi_cmd", List.of("uptime")));
    }
}
