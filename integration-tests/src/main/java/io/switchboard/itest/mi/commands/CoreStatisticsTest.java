package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Examples;

/** The statistics group {@code core}: the container's levels, every one a gauge. */
class CoreStatisticsTest {
    private static final List<String> NAMES = List.of("core:uptime_seconds", "core:bundles_installed",
            "core:bundles_resolved", "core:bundles_starting", "core:bundles_active", "core:bundles_stopping",
            "core:heap_used_bytes", "core:heap_committed_bytes", "core:heap_max_bytes", "core:threads_live",
            "core:threads_daemon", "core:threads_peak");

    @InjectBundleContext
    BundleContext context;
    Bundle hello;

    @AfterEach
    void uninstallHello() throws Exception {
        if (hello != null && hello.getState() != Bundle.UNINSTALLED) {
            hello.uninstall();
        }
    }

    @Test
    void everyCoreStatisticIsListedNonIncremental() throws Exception {
        Map<String, Object> types = MiCalls.map(MiCalls.call("list_statistics", Map.of("statistics", "core:")));
        assertThat(types.keySet()).containsExactlyElementsOf(NAMES);
        assertThat(types.values()).containsOnly("non-incremental");
    }

    @Test
    void theLevelsAgreeWithTheContainer() throws Exception {
        long upBefore = upTime();
        Map<String, Object> core = core();
        long upAfter = upTime();
        assertThat((Long) core.get("core:uptime_seconds")).isBetween(upBefore, upAfter);
        assertThat(core.get("core:bundles_active")).isEqualTo(Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getState() == Bundle.ACTIVE).count());
        long used = (Long) core.get("core:heap_used_bytes");
        long committed = (Long) core.get("core:heap_committed_bytes");
        long max = (Long) core.get("core:heap_max_bytes");
        assertThat(used).isPositive().isLessThanOrEqualTo(committed);
        assertThat(max == -1 || max >= committed).as("max %d is -1 or at least committed %d", max, committed).isTrue();
        long live = (Long) core.get("core:threads_live");
        assertThat((Long) core.get("core:threads_daemon")).isPositive().isLessThanOrEqualTo(live);
        assertThat((Long) core.get("core:threads_peak")).isGreaterThanOrEqualTo(live);
    }

    @Test
    void bundlesPerStateRiseAndFallWithABundlesLife() throws Exception {
        Map<String, Object> before = core();
        hello = context.installBundle(Examples.helloJar().toUri().toString());
        assertThat(core()).containsEntry("core:bundles_installed", (Long) before.get("core:bundles_installed") + 1);
        hello.start();
        Map<String, Object> started = core();
        assertThat(started).containsEntry("core:bundles_active", (Long) before.get("core:bundles_active") + 1)
                .containsEntry("core:bundles_installed", before.get("core:bundles_installed"));
        hello.stop();
        assertThat(core()).containsEntry("core:bundles_resolved", (Long) before.get("core:bundles_resolved") + 1)
                .containsEntry("core:bundles_active", before.get("core:bundles_active"));
        hello.uninstall();
        Map<String, Object> after = core();
        for (String state : List.of("installed", "resolved", "starting", "active", "stopping")) {
            assertThat(after.get("core:bundles_" + state)).as(state).isEqualTo(before.get("core:bundles_" + state));
        }
    }

    @Test
    void resetLeavesTheGroupAloneAndRefusesANamedGauge() throws Exception {
        assertThat(MiCalls.call("reset_statistics", Map.of("statistics", "core:"))).isEqualTo("OK");
        assertThat((Long) core().get("core:threads_peak")).isPositive();
        assertThat(MiCalls.failure(400, "reset_statistics", Map.of("statistics", List.of("core:threads_peak")))
                .data()).isEqualTo("core:threads_peak is a gauge (non-incremental): a level, not a count, which "
                        + "reset_statistics leaves as it is");
    }

    private static Map<String, Object> core() throws Exception {
        return MiCalls.map(MiCalls.call("get_statistics", Map.of("statistics", "core:")));
    }

    private static long upTime() throws Exception {
        return Long.parseLong(((String) MiCalls.map(MiCalls.call("uptime")).get("Up time")).replace(" [sec]", ""));
    }
}
