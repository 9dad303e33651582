package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.mi.MiException;

/** container:config_* through ConfigAdmin, on PIDs of the test's own. */
class ConfigCommandsTest {
    private static final String PID = "itest.mi.config";
    private static final String FACTORY = "itest.mi.factory";

    @InjectService
    ConfigurationAdmin configurationAdmin;

    @AfterEach
    void deleteTheTestConfigurations() throws Exception {
        Configuration[] left = configurationAdmin.listConfigurations("(|(service.pid=" + PID + ")(service.factoryPid=" + FACTORY + "))");
        for (Configuration configuration : left == null ? new Configuration[0] : left) {
            configuration.delete();
        }
    }

    @Test
    void setCreatesWithJsonTypesAndGetShowsThem() throws Exception {
        Map<String, Object> properties = Map.of("port", 9000, "name", "x", "ratio", 0.5, "on", true, "hosts", List.of("a", "b"));
        assertThat(MiCalls.map(MiCalls.call("config_set", Map.of("pid", PID, "properties", properties))))
                .containsExactly(Map.entry("pid", PID), Map.entry("created", true));

        Configuration stored = configurationAdmin.listConfigurations("(service.pid=" + PID + ")")[0];
        assertThat(stored.getBundleLocation()).isEqualTo("?");
        assertThat(stored.getProperties().get("port")).isEqualTo(9000L);
        assertThat(stored.getProperties().get("ratio")).isEqualTo(0.5d);
        assertThat(stored.getProperties().get("on")).isEqualTo(true);
        assertThat(stored.getProperties().get("hosts")).isEqualTo(new String[] { "a", "b" });

        assertThat(MiCalls.map(MiCalls.call("container:config_get", Map.of("pid", PID)))).containsEntry("port", 9000L)
                .containsEntry("name", "x").containsEntry("ratio", 0.5d).containsEntry("on", true)
                .containsEntry("hosts", List.of("a", "b")).containsEntry("service.pid", PID);
    }

    @Test
    void setMergesAndANullRemovesAKey() throws Exception {
        MiCalls.call("config_set", Map.of("pid", PID, "properties", Map.of("port", 9000, "name", "x")));
        Map<String, Object> change = new HashMap<>();
        change.put("port", 9001);
        change.put("name", null);
        assertThat(MiCalls.map(MiCalls.call("config_set", Map.of("pid", PID, "properties", change)))).containsEntry("created", false);
        Map<String, Object> got = MiCalls.map(MiCalls.call("config_get", Map.of("pid", PID)));
        assertThat(got).containsEntry("port", 9001L).doesNotContainKey("name");

        assertThat(MiCalls.map(MiCalls.call("config_set", Map.of("pid", PID, "properties", "{\"extra\": [1, 2]}")))).containsEntry("created", false);
        assertThat(MiCalls.map(MiCalls.call("config_get", Map.of("pid", PID)))).containsEntry("extra", List.of(1L, 2L)).containsEntry("port", 9001L);
        // What config_get shows can be sent back as it is.
        MiCalls.call("config_set", Map.of("pid", PID, "properties", MiCalls.call("config_get", Map.of("pid", PID))));
    }

    @Test
    void aPidWithATildeIsANamedFactoryConfiguration() throws Exception {
        String pid = FACTORY + "~one";
        assertThat(MiCalls.map(MiCalls.call("config_set", Map.of("pid", pid, "properties", Map.of("a", "b")))))
                .containsExactly(Map.entry("pid", pid), Map.entry("created", true));
        assertThat(MiCalls.list(MiCalls.call("config_list", Map.of("filter", "(service.factoryPid=" + FACTORY + ")"))))
                .containsExactly(Map.of("pid", pid, "factory_pid", FACTORY, "bundle_location", "?"));
        assertThat(MiCalls.map(MiCalls.call("config_get", Map.of("pid", pid)))).containsEntry("a", "b");
        assertThat(MiCalls.map(MiCalls.call("config_delete", Map.of("pid", pid)))).containsExactly(Map.entry("pid", pid),
                Map.entry("deleted", true));
        MiCalls.failure(404, "config_get", Map.of("pid", pid));
    }

    @Test
    void listShowsEveryConfigurationOrThoseMatchingAFilter() throws Exception {
        MiCalls.call("config_set", Map.of("pid", PID, "properties", Map.of("name", "listed")));
        Map<String, Object> entry = new HashMap<>();
        entry.put("pid", PID);
        entry.put("factory_pid", null);
        entry.put("bundle_location", "?");
        List<Object> all = MiCalls.list(MiCalls.call("container:config_list"));
        assertThat(all).contains(entry).anySatisfy(e -> assertThat(MiCalls.map(e)).containsEntry("pid", "switchboard.httpd"));
        assertThat(MiCalls.list(MiCalls.call("config_list", Map.of("filter", "(name=listed)")))).containsExactly(entry);
        assertThat(MiCalls.list(MiCalls.call("config_list", Map.of("filter", "(name=nothing)")))).isEmpty();
    }

    @Test
    void deleteRemovesAConfiguration() throws Exception {
        MiCalls.call("config_set", Map.of("pid", PID, "properties", Map.of("x", 1)));
        MiCalls.call("config_delete", Map.of("pid", PID));
        assertThat(configurationAdmin.listConfigurations("(service.pid=" + PID + ")")).isNull();
    }

    @Test
    void unknownPidsAre404AndBadInputInvalidParams() {
        assertThat(MiCalls.failure(404, "config_get", Map.of("pid", "no.such(pid)")).getMessage())
                .isEqualTo("no configuration with PID no.such(pid)");
        MiCalls.failure(404, "config_delete", Map.of("pid", "no.such.pid"));
        MiCalls.failure(MiException.INVALID_PARAMS, "config_get", Map.of());
        MiCalls.failure(MiException.INVALID_PARAMS, "config_list", Map.of("filter", "((("));
        MiCalls.failure(MiException.INVALID_PARAMS, "config_set", Map.of("pid", PID, "properties", List.of(1)));
        MiCalls.failure(MiException.INVALID_PARAMS, "config_set", Map.of("pid", PID, "properties", "{not json"));
        MiCalls.failure(MiException.INVALID_PARAMS, "config_set", Map.of("pid", PID, "properties", Map.of("nested", Map.of("a", 1))));
        MiCalls.failure(MiException.INVALID_PARAMS, "config_set", Map.of("pid", PID, "properties", Map.of("mixed", List.of("a", 1))));
        MiCalls.failure(MiException.INVALID_PARAMS, "config_set", Map.of("pid", PID));
    }
}
