package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.switchboard.mi.MiCommand;
import io.switchboard.support.testing.FakeReference;

class MiCountersTest {
    private final MiCounters counters = new MiCounters();
    private final CommandRegistry registry = Commands.registry(counters);

    @Test
    void aCommandsCounterIsNamedAfterItWithWhatANameCannotHoldMadeUnderscores() {
        assertThat(MiCounters.callsName("uptime")).isEqualTo("uptime_calls");
        assertThat(MiCounters.callsName("container:bundle_list")).isEqualTo("container_bundle_list_calls");
        assertThat(MiCounters.callsName("shop-orders.é")).isEqualTo("shop_orders___calls");
    }

    @Test
    void aNegativeCodeIsWrittenMinus() {
        assertThat(MiCounters.errorsName(-32601)).isEqualTo("errors_minus32601");
        assertThat(MiCounters.errorsName(404)).isEqualTo("errors_404");
        assertThat(MiCounters.errorsName(Integer.MIN_VALUE)).isEqualTo("errors_minus2147483648");
    }

    @Test
    void theFixedCountersAndTheJsonRpcCodesAreListedAtZeroFromTheStart() {
        assertThat(counters.values()).containsExactly(Map.entry("auth_failures", 0L), Map.entry("refused", 0L),
                Map.entry("throttled", 0L), Map.entry("errors_minus32700", 0L), Map.entry("errors_minus32603", 0L),
                Map.entry("errors_minus32602", 0L), Map.entry("errors_minus32601", 0L),
                Map.entry("errors_minus32600", 0L), Map.entry("errors_minus32001", 0L));
    }

    @Test
    void aCommandIsListedAtZeroFromItsRegistrationAndKeepsItsCountAfterItLeaves() {
        MiCommand orders = params -> "x";
        ServiceReference<MiCommand> reference = FakeReference.of(Map.of("service.id", 1L, MiCommand.NAME, "shop:orders",
                MiCommand.ALIAS, "orders"));
        registry.bindMiCommand(orders, reference);
        assertThat(counters.values()).containsEntry("shop_orders_calls", 0L).doesNotContainKey("orders_calls");
        counters.called("shop:orders");
        counters.called("shop:orders");
        registry.unbindMiCommand(orders, reference);
        assertThat(registry.find("orders")).isNull();
        assertThat(counters.values()).containsEntry("shop_orders_calls", 2L);
    }

    @Test
    void eachCounterMovesByWhatItCountsAndResetsAlone() {
        counters.failed(-32601);
        counters.failed(404);
        counters.failed(404);
        counters.authenticationFailed();
        counters.answered(403);
        counters.answered(429);
        counters.answered(429);
        counters.answered(401);
        counters.answered(503);
        assertThat(counters.values()).containsEntry("errors_minus32601", 1L).containsEntry("errors_404", 2L)
                .containsEntry("auth_failures", 1L).containsEntry("refused", 1L).containsEntry("throttled", 2L);
        assertThat(counters.reset("errors_404")).isTrue();
        assertThat(counters.reset("throttled")).isTrue();
        assertThat(counters.reset("errors_405")).isFalse();
        assertThat(counters.reset("nothing_calls")).isFalse();
        assertThat(counters.values()).containsEntry("errors_404", 0L).containsEntry("throttled", 0L)
                .containsEntry("errors_minus32601", 1L).containsEntry("refused", 1L);
    }
}
